-- Statuses that only move forward, held by the database: every allowed move is a row here, any other UPDATE fails.
CREATE TABLE "status_transitions" (
	"entity" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	CONSTRAINT "status_transitions_pk" PRIMARY KEY ("entity", "from_status", "to_status")
);
--> statement-breakpoint
INSERT INTO "status_transitions" ("entity", "from_status", "to_status") VALUES
	('orders', 'pending', 'paid'),
	('orders', 'pending', 'cancelled'),
	('orders', 'paid', 'refunded'),
	('payments', 'awaiting', 'processing'),
	('payments', 'awaiting', 'succeeded'),
	('payments', 'awaiting', 'failed'),
	('payments', 'awaiting', 'cancelled'),
	('payments', 'processing', 'succeeded'),
	('payments', 'processing', 'failed'),
	('payments', 'processing', 'cancelled'),
	('payments', 'failed', 'processing'),
	('payments', 'failed', 'succeeded'),
	('payments', 'failed', 'cancelled'),
	('payments', 'succeeded', 'partially_refunded'),
	('payments', 'succeeded', 'refunded'),
	('payments', 'partially_refunded', 'refunded'),
	('stock_reservations', 'active', 'committed'),
	('stock_reservations', 'active', 'released'),
	('refunds', 'pending', 'succeeded'),
	('refunds', 'pending', 'failed');
--> statement-breakpoint
CREATE FUNCTION "enforce_status_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
		SELECT 1 FROM status_transitions
		 WHERE entity = TG_TABLE_NAME AND from_status = OLD.status::text AND to_status = NEW.status::text
	) THEN
		RAISE EXCEPTION 'illegal % status transition: % -> %', TG_TABLE_NAME, OLD.status, NEW.status
			USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_status_transition';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "orders_status_transition" BEFORE UPDATE OF "status" ON "orders" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
--> statement-breakpoint
CREATE TRIGGER "payments_status_transition" BEFORE UPDATE OF "status" ON "payments" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
--> statement-breakpoint
CREATE TRIGGER "stock_reservations_status_transition" BEFORE UPDATE OF "status" ON "stock_reservations" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
--> statement-breakpoint
CREATE TRIGGER "refunds_status_transition" BEFORE UPDATE OF "status" ON "refunds" FOR EACH ROW EXECUTE FUNCTION "enforce_status_transition"();
