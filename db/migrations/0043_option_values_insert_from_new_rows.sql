-- Custom SQL migration file, put your code below! ---- New variants only add option values, so they are inserted straight from the new rows: no read of the variants table
-- by product, which a bulk load (db:seed drops the variants indexes while it loads) would turn into a scan per batch.
CREATE OR REPLACE FUNCTION variants_option_values() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO product_option_values (product_id, name, value)
    SELECT DISTINCT n.product_id, kv.key, kv.value
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
