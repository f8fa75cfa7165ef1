-- Custom SQL migration file, put your code below! ---- option_value_counts follows product_option_values: rows in, counts up; rows out, counts down. Count rows are locked
-- in (name, value) order, so concurrent catalogue edits sharing values queue instead of deadlocking.
CREATE FUNCTION product_option_values_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO option_value_counts AS c (name, value, products)
    SELECT name, value, count(*)::int FROM new_rows GROUP BY name, value ORDER BY name, value
    ON CONFLICT (name, value) DO UPDATE SET products = c.products + excluded.products;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM option_value_counts c WHERE (c.name, c.value) IN (SELECT name, value FROM old_rows) ORDER BY c.name, c.value FOR UPDATE;
    UPDATE option_value_counts c SET products = c.products - d.n
      FROM (SELECT name, value, count(*)::int AS n FROM old_rows GROUP BY name, value) d
     WHERE c.name = d.name AND c.value = d.value;
  ELSE
    DELETE FROM option_value_counts;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER product_option_values_count_insert AFTER INSERT ON product_option_values REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_option_values_count();
--> statement-breakpoint
CREATE TRIGGER product_option_values_count_delete AFTER DELETE ON product_option_values REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_option_values_count();
--> statement-breakpoint
-- db:seed truncates the catalogue (product_option_values by cascade): the counts go with it.
CREATE TRIGGER product_option_values_count_truncate AFTER TRUNCATE ON product_option_values
  FOR EACH STATEMENT EXECUTE FUNCTION product_option_values_count();
--> statement-breakpoint
INSERT INTO option_value_counts (name, value, products)
SELECT name, value, count(*)::int FROM product_option_values GROUP BY name, value;
