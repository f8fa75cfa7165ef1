CREATE TABLE "low_stock_changes" (
	"variant_id" integer
);
--> statement-breakpoint
CREATE TABLE "low_stock_variants" (
	"variant_id" integer PRIMARY KEY NOT NULL,
	"out" boolean NOT NULL
);
--> statement-breakpoint
-- The dashboard's low-stock count, kept without a shared counter: a counter row updated by stock writers would serialise
-- every checkout, and deadlock two that reserve one variant from different warehouses (each holding a stock row and
-- waiting for the counter the other holds). Writers instead append the variants they touched to low_stock_changes
-- (insert-only: no row of it is ever locked by a writer), and fold_low_stock_changes() judges those variants again
-- into low_stock_variants before the dashboard counts it.
CREATE VIEW "low_stock_judged" AS
SELECT sl.variant_id, sum(sl.on_hand - sl.reserved) <= 0 AS out
  FROM stock_levels sl
  JOIN warehouses w ON w.id = sl.warehouse_id AND w.active
  JOIN variants v ON v.id = sl.variant_id
  JOIN products p ON p.id = v.product_id AND p.status = 'active'
  LEFT JOIN variant_stock_settings vs ON vs.variant_id = sl.variant_id
 GROUP BY sl.variant_id, vs.low_stock_threshold
HAVING sum(sl.on_hand - sl.reserved) <= coalesce(vs.low_stock_threshold, (SELECT default_low_stock_threshold FROM inventory_settings), 5);
--> statement-breakpoint
-- Takes the queue as this statement sees it and judges its variants (all of them after a null) from a later snapshot,
-- so every change whose queue row is taken is seen; one committed after stays queued for the next fold. The advisory
-- lock is taken by folders only: two folds run one after the other, and no stock writer ever waits for one.
CREATE FUNCTION "fold_low_stock_changes"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  changed int[];
  everything boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('low_stock_variants'));
  WITH taken AS (DELETE FROM low_stock_changes RETURNING variant_id)
  SELECT bool_or(variant_id IS NULL), array_agg(DISTINCT variant_id) INTO everything, changed FROM taken;
  IF everything THEN
    DELETE FROM low_stock_variants;
    INSERT INTO low_stock_variants (variant_id, out) SELECT variant_id, out FROM low_stock_judged;
  ELSIF changed IS NOT NULL THEN
    DELETE FROM low_stock_variants WHERE variant_id = ANY(changed);
    INSERT INTO low_stock_variants (variant_id, out) SELECT variant_id, out FROM low_stock_judged WHERE variant_id = ANY(changed);
  END IF;
END;
$$;
--> statement-breakpoint
-- One insert per stock statement, of the variants whose availability in some warehouse moved (committing a reservation
-- takes as much off reserved as off on hand, so it queues nothing), or whose rows came or went.
CREATE FUNCTION "queue_low_stock_levels"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO low_stock_changes (variant_id)
    SELECT DISTINCT variant_id FROM new_rows n FULL JOIN old_rows o USING (variant_id, warehouse_id)
     WHERE n.on_hand - n.reserved IS DISTINCT FROM o.on_hand - o.reserved;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO low_stock_changes (variant_id) SELECT DISTINCT variant_id FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO low_stock_changes (variant_id) SELECT DISTINCT variant_id FROM old_rows;
  ELSE
    INSERT INTO low_stock_changes (variant_id) VALUES (NULL);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "stock_levels_low_stock_insert" AFTER INSERT ON "stock_levels" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_low_stock_levels"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_low_stock_update" AFTER UPDATE ON "stock_levels" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_low_stock_levels"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_low_stock_delete" AFTER DELETE ON "stock_levels" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_low_stock_levels"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_low_stock_truncate" AFTER TRUNCATE ON "stock_levels"
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_low_stock_levels"();
--> statement-breakpoint
-- A variant's own threshold set, changed or cleared (checkout's alert bookkeeping on the same rows queues nothing).
CREATE FUNCTION "queue_low_stock_threshold"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO low_stock_changes (variant_id) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.variant_id ELSE NEW.variant_id END);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "variant_stock_settings_low_stock_insert" AFTER INSERT ON "variant_stock_settings"
  FOR EACH ROW WHEN (NEW.low_stock_threshold IS NOT NULL) EXECUTE FUNCTION "queue_low_stock_threshold"();
--> statement-breakpoint
CREATE TRIGGER "variant_stock_settings_low_stock_update" AFTER UPDATE OF low_stock_threshold ON "variant_stock_settings"
  FOR EACH ROW WHEN (OLD.low_stock_threshold IS DISTINCT FROM NEW.low_stock_threshold) EXECUTE FUNCTION "queue_low_stock_threshold"();
--> statement-breakpoint
CREATE TRIGGER "variant_stock_settings_low_stock_delete" AFTER DELETE ON "variant_stock_settings"
  FOR EACH ROW WHEN (OLD.low_stock_threshold IS NOT NULL) EXECUTE FUNCTION "queue_low_stock_threshold"();
--> statement-breakpoint
-- A product going active or leaving it (draft, archived), or a variant moved to another product.
CREATE FUNCTION "queue_low_stock_product"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'products' THEN
    INSERT INTO low_stock_changes (variant_id) SELECT id FROM variants WHERE product_id = NEW.id;
  ELSE
    INSERT INTO low_stock_changes (variant_id) VALUES (NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "products_low_stock_status" AFTER UPDATE OF status ON "products"
  FOR EACH ROW WHEN ((OLD.status = 'active') IS DISTINCT FROM (NEW.status = 'active')) EXECUTE FUNCTION "queue_low_stock_product"();
--> statement-breakpoint
CREATE TRIGGER "variants_low_stock_product" AFTER UPDATE OF product_id ON "variants"
  FOR EACH ROW WHEN (OLD.product_id IS DISTINCT FROM NEW.product_id) EXECUTE FUNCTION "queue_low_stock_product"();
--> statement-breakpoint
-- What changes every variant's standing: a warehouse (de)activated, the shop's default threshold. The next fold
-- judges them all again.
CREATE FUNCTION "queue_low_stock_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO low_stock_changes (variant_id) VALUES (NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "warehouses_low_stock_active" AFTER UPDATE OF active ON "warehouses"
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION "queue_low_stock_recount"();
--> statement-breakpoint
CREATE TRIGGER "inventory_settings_low_stock_update" AFTER UPDATE OF default_low_stock_threshold ON "inventory_settings"
  FOR EACH ROW WHEN (OLD.default_low_stock_threshold IS DISTINCT FROM NEW.default_low_stock_threshold) EXECUTE FUNCTION "queue_low_stock_recount"();
--> statement-breakpoint
CREATE TRIGGER "inventory_settings_low_stock_insert_delete" AFTER INSERT OR DELETE ON "inventory_settings"
  FOR EACH STATEMENT EXECUTE FUNCTION "queue_low_stock_recount"();
--> statement-breakpoint
-- Every variant judged now (the triggers above hold stock writers off until this migration commits).
INSERT INTO low_stock_changes (variant_id) VALUES (NULL);
--> statement-breakpoint
SELECT fold_low_stock_changes();
