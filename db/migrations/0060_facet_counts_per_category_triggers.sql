-- Custom SQL migration file, put your code below! ---- Unfiltered facets (the whole catalogue, or a category's subtree with no other filter) from maintained counts:
-- option_value_counts per category (from product_option_values, which now carries its product's category) and
-- category_brand_counts (from products). Both are kept in the writing transaction. Count rows are locked in key order,
-- after the product rows the same statement locked, as every other maintained table is; a checkout's stock write
-- reaches category_brand_counts only when a product sells out or comes back (stocked_levels crossing zero).
-- The products are share-locked first (in id order), so a concurrent move or visibility change of one of them commits
-- before its status and category are read here (the next statement's snapshot), and one that comes after waits for
-- this transaction and then finds its rows.
CREATE OR REPLACE FUNCTION refresh_product_option_values(product_ids int[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM products WHERE id = ANY(product_ids) ORDER BY id FOR SHARE;
  DELETE FROM product_option_values WHERE product_id = ANY(product_ids);
  INSERT INTO product_option_values (product_id, category_id, name, value)
  SELECT DISTINCT v.product_id, p.category_id, kv.key, kv.value
    FROM products p JOIN variants v ON v.product_id = p.id CROSS JOIN LATERAL jsonb_each_text(v.option_values) kv
   WHERE p.id = ANY(product_ids) AND p.status = 'active' AND p.price_min IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION variants_option_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM products WHERE id IN (SELECT product_id FROM new_rows) ORDER BY id FOR SHARE;
    INSERT INTO product_option_values (product_id, category_id, name, value)
    SELECT DISTINCT n.product_id, p.category_id, kv.key, kv.value
      FROM new_rows n JOIN products p ON p.id = n.product_id CROSS JOIN LATERAL jsonb_each_text(n.option_values) kv
     WHERE p.status = 'active' AND p.price_min IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_product_option_values(array_agg(DISTINCT product_id)) FROM old_rows;
  ELSE
    PERFORM refresh_product_option_values(array_agg(DISTINCT product_id))
       FROM (SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TYPE "option_value_change" AS (category_id integer, name text, value text, products integer);
--> statement-breakpoint
-- Adds signed changes: existing rows locked in key order and updated, missing ones (only ever added to) inserted in key
-- order. One statement, so a row another transaction inserts meanwhile is added to through ON CONFLICT, never missed.
CREATE FUNCTION add_option_value_counts(changes option_value_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM option_value_counts c
   WHERE (c.category_id, c.name, c.value) IN (SELECT x.category_id, x.name, x.value FROM unnest(changes) x)
   ORDER BY c.category_id, c.name, c.value FOR UPDATE;
  WITH d AS (
    SELECT x.category_id, x.name, x.value, sum(x.products)::int AS products FROM unnest(changes) x
     GROUP BY 1, 2, 3 HAVING sum(x.products) <> 0
  ), updated AS (
    UPDATE option_value_counts c SET products = c.products + d.products FROM d
     WHERE (c.category_id, c.name, c.value) = (d.category_id, d.name, d.value) RETURNING c.category_id, c.name, c.value
  )
  INSERT INTO option_value_counts AS c (category_id, name, value, products)
  SELECT d.* FROM d WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE (u.category_id, u.name, u.value) = (d.category_id, d.name, d.value))
   ORDER BY 1, 2, 3
  ON CONFLICT (category_id, name, value) DO UPDATE SET products = c.products + excluded.products;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION product_option_values_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM add_option_value_counts(array_agg(row(category_id, name, value, n)::option_value_change))
       FROM (SELECT category_id, name, value, count(*)::int AS n FROM new_rows GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM add_option_value_counts(array_agg(row(category_id, name, value, -n)::option_value_change))
       FROM (SELECT category_id, name, value, count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM add_option_value_counts(array_agg(c.change))
       FROM (SELECT row(category_id, name, value, 1)::option_value_change FROM new_rows
             UNION ALL
             SELECT row(category_id, name, value, -1)::option_value_change FROM old_rows) c(change);
  ELSE
    DELETE FROM option_value_counts;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER product_option_values_count_update AFTER UPDATE ON product_option_values REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_option_values_count();
--> statement-breakpoint
CREATE TYPE "category_brand_change" AS (category_id integer, brand text, currency char(3), products integer, in_stock integer);
--> statement-breakpoint
CREATE FUNCTION add_category_brand_counts(changes category_brand_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM category_brand_counts c
   WHERE (c.category_id, c.brand, c.currency) IN (SELECT x.category_id, x.brand, x.currency FROM unnest(changes) x)
   ORDER BY c.category_id, c.brand, c.currency FOR UPDATE;
  WITH d AS (
    SELECT x.category_id, x.brand, x.currency, sum(x.products)::int AS products, sum(x.in_stock)::int AS in_stock FROM unnest(changes) x
     GROUP BY 1, 2, 3 HAVING sum(x.products) <> 0 OR sum(x.in_stock) <> 0
  ), updated AS (
    UPDATE category_brand_counts c SET products = c.products + d.products, in_stock = c.in_stock + d.in_stock FROM d
     WHERE (c.category_id, c.brand, c.currency) = (d.category_id, d.brand, d.currency) RETURNING c.category_id, c.brand, c.currency
  )
  INSERT INTO category_brand_counts AS c (category_id, brand, currency, products, in_stock)
  SELECT d.* FROM d WHERE NOT EXISTS (SELECT 1 FROM updated u WHERE (u.category_id, u.brand, u.currency) = (d.category_id, d.brand, d.currency))
   ORDER BY 1, 2, 3
  ON CONFLICT (category_id, brand, currency) DO UPDATE SET products = c.products + excluded.products, in_stock = c.in_stock + excluded.in_stock;
END $$;
--> statement-breakpoint
-- A visible product counts once under its (category, brand, currency), and once more as in stock when a stock row has
-- units available. Updates count only rows whose counted facts changed: most (a timestamp, a stock count that stays
-- above zero) change none. A moved product's option values move with it.
CREATE FUNCTION products_facet_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes category_brand_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(row(category_id, brand, currency, n, s)::category_brand_change) INTO changes
      FROM (SELECT category_id, brand, currency, count(*)::int AS n, count(*) FILTER (WHERE stocked_levels > 0)::int AS s
              FROM new_rows WHERE status = 'active' AND price_min IS NOT NULL GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(row(category_id, brand, currency, -n, -s)::category_brand_change) INTO changes
      FROM (SELECT category_id, brand, currency, count(*)::int AS n, count(*) FILTER (WHERE stocked_levels > 0)::int AS s
              FROM old_rows WHERE status = 'active' AND price_min IS NOT NULL GROUP BY 1, 2, 3) g;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(c.change) INTO changes
      FROM new_rows n JOIN old_rows o USING (id),
           LATERAL (VALUES (row(n.category_id, n.brand, n.currency, 1, (n.stocked_levels > 0)::int)::category_brand_change,
                            n.status = 'active' AND n.price_min IS NOT NULL),
                           (row(o.category_id, o.brand, o.currency, -1, -(o.stocked_levels > 0)::int)::category_brand_change,
                            o.status = 'active' AND o.price_min IS NOT NULL)) c(change, counted)
     WHERE c.counted
       AND (o.status = 'active' AND o.price_min IS NOT NULL, o.category_id, o.brand, o.currency, o.stocked_levels > 0)
           IS DISTINCT FROM (n.status = 'active' AND n.price_min IS NOT NULL, n.category_id, n.brand, n.currency, n.stocked_levels > 0);
    UPDATE product_option_values pv SET category_id = n.category_id
      FROM new_rows n JOIN old_rows o USING (id)
     WHERE n.category_id <> o.category_id AND pv.product_id = n.id AND pv.category_id <> n.category_id;
  ELSE
    DELETE FROM category_brand_counts;
    RETURN NULL;
  END IF;
  IF changes IS NOT NULL THEN PERFORM add_category_brand_counts(changes); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_facet_counts_insert AFTER INSERT ON products REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_facet_counts();
--> statement-breakpoint
CREATE TRIGGER products_facet_counts_update AFTER UPDATE ON products REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_facet_counts();
--> statement-breakpoint
CREATE TRIGGER products_facet_counts_delete AFTER DELETE ON products REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION products_facet_counts();
--> statement-breakpoint
-- db:seed truncates the catalogue: the counts go with it.
CREATE TRIGGER products_facet_counts_truncate AFTER TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION products_facet_counts();
--> statement-breakpoint
INSERT INTO product_option_values (product_id, category_id, name, value)
SELECT DISTINCT v.product_id, p.category_id, kv.key, kv.value
  FROM products p JOIN variants v ON v.product_id = p.id CROSS JOIN LATERAL jsonb_each_text(v.option_values) kv
 WHERE p.status = 'active' AND p.price_min IS NOT NULL;
--> statement-breakpoint
INSERT INTO category_brand_counts (category_id, brand, currency, products, in_stock)
SELECT category_id, brand, currency, count(*)::int, count(*) FILTER (WHERE stocked_levels > 0)::int
  FROM products WHERE status = 'active' AND price_min IS NOT NULL GROUP BY 1, 2, 3;
