-- Custom SQL migration file, put your code below! ---- products.stocked_levels: stock rows (variant × active warehouse) with units available. Every stock write adds its
-- rows' transitions (a row that had units and has none is -1, and the reverse +1): a per-row difference, exact under
-- concurrency because each row's old and new versions come from its own row lock, and commutative, so no recount.
-- Only products whose count moves are touched, in id order: most checkout writes lock no product row at all.
CREATE FUNCTION add_stocked_levels(variant_ids int[], deltas int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  product_ids int[];
  product_deltas int[];
BEGIN
  SELECT array_agg(product_id ORDER BY product_id), array_agg(delta ORDER BY product_id) INTO product_ids, product_deltas
    FROM (SELECT v.product_id, sum(c.delta)::int AS delta
            FROM unnest(variant_ids, deltas) AS c(variant_id, delta) JOIN variants v ON v.id = c.variant_id
           GROUP BY v.product_id HAVING sum(c.delta) <> 0) moved;
  IF product_ids IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM products WHERE id = ANY(product_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE products p SET stocked_levels = p.stocked_levels + d.delta
    FROM unnest(product_ids, product_deltas) AS d(id, delta) WHERE p.id = d.id;
END $$;
--> statement-breakpoint
-- Rows in deactivated warehouses count for nothing.
CREATE FUNCTION stock_levels_stocked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_stocked_levels(array_agg(n.variant_id), array_agg(1))
       FROM new_rows n JOIN warehouses w ON w.id = n.warehouse_id AND w.active WHERE n.on_hand - n.reserved > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_stocked_levels(array_agg(o.variant_id), array_agg(-1))
       FROM old_rows o JOIN warehouses w ON w.id = o.warehouse_id AND w.active WHERE o.on_hand - o.reserved > 0;
  ELSE
    PERFORM add_stocked_levels(array_agg(c.variant_id), array_agg(c.delta))
       FROM (SELECT variant_id, warehouse_id, 1 AS delta FROM new_rows WHERE on_hand - reserved > 0
             UNION ALL
             SELECT variant_id, warehouse_id, -1 FROM old_rows WHERE on_hand - reserved > 0) c
       JOIN warehouses w ON w.id = c.warehouse_id AND w.active;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_levels_stocked_insert AFTER INSERT ON stock_levels REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stock_levels_stocked();
--> statement-breakpoint
CREATE TRIGGER stock_levels_stocked_update AFTER UPDATE ON stock_levels REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stock_levels_stocked();
--> statement-breakpoint
CREATE TRIGGER stock_levels_stocked_delete AFTER DELETE ON stock_levels REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stock_levels_stocked();
--> statement-breakpoint
-- A variant's stock rows go before the variant does, while their product can still be found (the cascade would delete
-- them after, when the variant row is already gone).
CREATE FUNCTION variants_delete_stock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stock_levels WHERE variant_id = OLD.id;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER variants_delete_stock BEFORE DELETE ON variants FOR EACH ROW EXECUTE FUNCTION variants_delete_stock();
--> statement-breakpoint
-- (De)activating a warehouse adds or removes its stocked rows. Its stock rows are locked first, so a stock write in
-- flight (whose trigger saw the warehouse's old state) commits before they are counted, and later ones see the new state.
CREATE FUNCTION warehouses_stocked_levels() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM stock_levels WHERE warehouse_id = NEW.id ORDER BY variant_id FOR UPDATE;
  PERFORM add_stocked_levels(array_agg(variant_id), array_agg(CASE WHEN NEW.active THEN 1 ELSE -1 END))
     FROM stock_levels WHERE warehouse_id = NEW.id AND on_hand - reserved > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER warehouses_stocked_levels AFTER UPDATE OF active ON warehouses FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION warehouses_stocked_levels();
--> statement-breakpoint
UPDATE products p SET stocked_levels = s.n
  FROM (SELECT v.product_id, count(*)::int AS n
          FROM stock_levels s JOIN warehouses w ON w.id = s.warehouse_id AND w.active JOIN variants v ON v.id = s.variant_id
         WHERE s.on_hand - s.reserved > 0 GROUP BY v.product_id) s
 WHERE p.id = s.product_id;
--> statement-breakpoint
-- product_option_values: the distinct option values of visible products, rewritten per product when its variants
-- change or it becomes visible or hidden.
CREATE FUNCTION refresh_product_option_values(product_ids int[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM product_option_values WHERE product_id = ANY(product_ids);
  INSERT INTO product_option_values (product_id, name, value)
  SELECT DISTINCT v.product_id, kv.key, kv.value
    FROM products p JOIN variants v ON v.product_id = p.id CROSS JOIN LATERAL jsonb_each_text(v.option_values) kv
   WHERE p.id = ANY(product_ids) AND p.status = 'active' AND p.price_min IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION variants_option_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_product_option_values(array_agg(DISTINCT product_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_product_option_values(array_agg(DISTINCT product_id)) FROM old_rows;
  ELSE
    PERFORM refresh_product_option_values(array_agg(DISTINCT product_id))
       FROM (SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER variants_option_values_insert AFTER INSERT ON variants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION variants_option_values();
--> statement-breakpoint
CREATE TRIGGER variants_option_values_update AFTER UPDATE ON variants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION variants_option_values();
--> statement-breakpoint
CREATE TRIGGER variants_option_values_delete AFTER DELETE ON variants REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION variants_option_values();
--> statement-breakpoint
CREATE FUNCTION products_option_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_product_option_values(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_option_values AFTER UPDATE OF status, price_min ON products FOR EACH ROW
  WHEN ((OLD.status = 'active' AND OLD.price_min IS NOT NULL) IS DISTINCT FROM (NEW.status = 'active' AND NEW.price_min IS NOT NULL))
  EXECUTE FUNCTION products_option_values();
--> statement-breakpoint
INSERT INTO product_option_values (product_id, name, value)
SELECT DISTINCT v.product_id, kv.key, kv.value
  FROM products p JOIN variants v ON v.product_id = p.id CROSS JOIN LATERAL jsonb_each_text(v.option_values) kv
 WHERE p.status = 'active' AND p.price_min IS NOT NULL;
