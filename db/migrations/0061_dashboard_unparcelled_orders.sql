CREATE TABLE "dashboard_unparcelled_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_unparcelled_orders" ADD CONSTRAINT "dashboard_unparcelled_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_unparcelled_orders_placed_idx" ON "dashboard_unparcelled_orders" USING btree ("placed_at","paid_at");--> statement-breakpoint
-- dashboard_unparcelled_orders holds the paid orders with goods to post (shipping_method <> 'none') and no parcel yet.
-- Races: a parcel is made by createShipmentsForOrder under a SHARE lock on its order, which a payment, a cancellation or a
-- refund (updating the order, whose trigger writes here) waits for, and the other way round, so each sees the other's
-- committed row. Making a parcel locks no more than the order's row in this table, and never upgrades its SHARE lock on
-- the order (a lock upgrade deadlocked two creators of one order's parcels).
CREATE FUNCTION "dashboard_unparcelled_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'paid' AND NEW.shipping_method <> 'none' THEN
    INSERT INTO dashboard_unparcelled_orders AS u (order_id, placed_at, paid_at)
    SELECT NEW.id, NEW.placed_at, NEW.paid_at WHERE NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = NEW.id)
    ON CONFLICT (order_id) DO UPDATE SET placed_at = excluded.placed_at, paid_at = excluded.paid_at;
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM dashboard_unparcelled_orders WHERE order_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Row triggers whose WHEN skips the function for every write that changes none of these facts (checkout's pending orders,
-- reservation and refund amount updates).
CREATE TRIGGER "orders_unparcelled_insert" AFTER INSERT ON "orders"
  FOR EACH ROW WHEN (NEW.status = 'paid' AND NEW.shipping_method <> 'none') EXECUTE FUNCTION "dashboard_unparcelled_order"();
--> statement-breakpoint
CREATE TRIGGER "orders_unparcelled_update" AFTER UPDATE OF status, shipping_method, placed_at, paid_at ON "orders"
  FOR EACH ROW WHEN ((OLD.status = 'paid' AND OLD.shipping_method <> 'none') IS DISTINCT FROM (NEW.status = 'paid' AND NEW.shipping_method <> 'none')
                     OR (NEW.status = 'paid' AND (OLD.placed_at, OLD.paid_at) IS DISTINCT FROM (NEW.placed_at, NEW.paid_at)))
  EXECUTE FUNCTION "dashboard_unparcelled_order"();
--> statement-breakpoint
CREATE FUNCTION "dashboard_parcels_made"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dashboard_unparcelled_orders WHERE order_id IN (SELECT order_id FROM new_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "shipments_unparcelled_insert" AFTER INSERT ON "shipments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_parcels_made"();
--> statement-breakpoint
-- A parcel deleted or moved to another order (nothing in the app does either; tests and hand repairs do): its order, locked
-- against a parcel being made or the order changing meanwhile, waits again if it has no parcel left. Racing a parcel's
-- creation for the same order, this can deadlock; PostgreSQL then aborts one of the two, and no count goes wrong.
CREATE FUNCTION "dashboard_parcel_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM orders WHERE id = OLD.order_id FOR NO KEY UPDATE;
  INSERT INTO dashboard_unparcelled_orders (order_id, placed_at, paid_at)
  SELECT o.id, o.placed_at, o.paid_at FROM orders o
   WHERE o.id = OLD.order_id AND o.status = 'paid' AND o.shipping_method <> 'none'
     AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
  ON CONFLICT (order_id) DO NOTHING;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM dashboard_unparcelled_orders WHERE order_id = NEW.order_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "shipments_unparcelled_delete" AFTER DELETE ON "shipments" FOR EACH ROW EXECUTE FUNCTION "dashboard_parcel_gone"();
--> statement-breakpoint
CREATE TRIGGER "shipments_unparcelled_move" AFTER UPDATE OF order_id ON "shipments"
  FOR EACH ROW WHEN (OLD.order_id IS DISTINCT FROM NEW.order_id) EXECUTE FUNCTION "dashboard_parcel_gone"();
--> statement-breakpoint
-- The orders waiting now (the triggers above hold writers off until this migration commits).
INSERT INTO dashboard_unparcelled_orders (order_id, placed_at, paid_at)
SELECT o.id, o.placed_at, o.paid_at FROM orders o
 WHERE o.status = 'paid' AND o.shipping_method <> 'none' AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
ON CONFLICT (order_id) DO NOTHING;
