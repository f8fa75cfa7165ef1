-- A return moves forward only: requested → approved → received → refunded.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES
	('returns', 'requested', 'approved'),
	('returns', 'approved', 'received'),
	('returns', 'received', 'refunded');
--> statement-breakpoint
CREATE TRIGGER "returns_status_transition" BEFORE UPDATE OF "status" ON "returns" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
--> statement-breakpoint
-- No shipment line goes back more often than it was sent: the shipment line's row is locked first, so concurrent
-- returns of it take turns and each counts the others' committed lines.
CREATE FUNCTION "enforce_return_within_shipped"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	shipped integer;
	returned integer;
BEGIN
	SELECT quantity INTO shipped FROM shipment_lines WHERE shipment_id = NEW.shipment_id AND order_line_id = NEW.order_line_id FOR UPDATE;
	SELECT coalesce(sum(quantity), 0) INTO returned FROM return_lines WHERE shipment_id = NEW.shipment_id AND order_line_id = NEW.order_line_id;
	IF returned + NEW.quantity > shipped THEN
		RAISE EXCEPTION 'return of % more units of order line % exceeds the % shipped (% returned already)', NEW.quantity, NEW.order_line_id, shipped, returned
			USING ERRCODE = 'check_violation', TABLE = 'return_lines', CONSTRAINT = 'return_lines_within_shipped';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "return_lines_within_shipped" BEFORE INSERT ON "return_lines" FOR EACH ROW EXECUTE FUNCTION "enforce_return_within_shipped"();
