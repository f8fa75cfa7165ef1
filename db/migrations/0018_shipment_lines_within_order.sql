-- Custom SQL migration file, put your code below! ---- An admin marks a parcel shipped with another carrier's label: straight from pending to in transit.
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES ('shipments', 'pending', 'in_transit');
--> statement-breakpoint
-- Shipments never hold more of an order line than was ordered (cancelled shipments hold nothing), and only a pending
-- shipment's lines change (a bought label fixed what is in the box). Locking the order line makes concurrent writers
-- of its shares take turns, so the sum each one reads includes what the others committed.
CREATE FUNCTION "shipment_lines_within_order"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	line shipment_lines;
	ordered integer;
	allotted integer;
BEGIN
	line := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	IF (SELECT status FROM shipments WHERE id = line.shipment_id) IS DISTINCT FROM 'pending' THEN
		RAISE EXCEPTION 'shipment % is past pending: its lines are fixed', line.shipment_id
			USING ERRCODE = 'check_violation', TABLE = 'shipment_lines', CONSTRAINT = 'shipment_lines_pending_only';
	END IF;
	IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
	SELECT quantity INTO ordered FROM order_lines WHERE id = line.order_line_id FOR NO KEY UPDATE;
	SELECT coalesce(sum(sl.quantity), 0) INTO allotted
	  FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
	 WHERE sl.order_line_id = line.order_line_id AND s.status <> 'cancelled';
	IF allotted > ordered THEN
		RAISE EXCEPTION 'order line % would ship % of %', line.order_line_id, allotted, ordered
			USING ERRCODE = 'check_violation', TABLE = 'shipment_lines', CONSTRAINT = 'shipment_lines_within_order';
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "shipment_lines_within_order" AFTER INSERT OR UPDATE OR DELETE ON "shipment_lines" FOR EACH ROW EXECUTE FUNCTION "shipment_lines_within_order"();
