CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION product_search_words(title text, brand text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(title || ' ' || brand), '[^[:alnum:]]+') AS w WHERE length(w) >= 3
$$;
--> statement-breakpoint
-- Words in a fixed order, so two transactions touching the same words lock them in the same order.
CREATE FUNCTION products_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    UPDATE search_words s SET products = s.products - 1
      FROM (SELECT w FROM product_search_words(OLD.title, OLD.brand) AS w ORDER BY w) old_words
     WHERE s.word = old_words.w;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
    INSERT INTO search_words (word, products)
    SELECT w, 1 FROM product_search_words(NEW.title, NEW.brand) AS w ORDER BY w
    ON CONFLICT (word) DO UPDATE SET products = search_words.products + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER products_search_words AFTER INSERT OR DELETE OR UPDATE OF title, brand, status ON products
  FOR EACH ROW EXECUTE FUNCTION products_search_words();
--> statement-breakpoint
INSERT INTO search_words (word, products)
SELECT w, count(*) FROM products p, product_search_words(p.title, p.brand) AS w WHERE p.status = 'active' GROUP BY w;
