-- The page cache's feed: a committed change to what a product or category page shows wakes every app instance that
-- LISTENs on emporium_catalog, which then expires those pages (app/_lib/page-cache-feed.ts). One notification per
-- statement: 'p:<product ids>', 'v:<variant ids>' (stock), or '*' (every cached page: categories, warehouses, a product's
-- slug or category changed, a delete, a truncate, or more ids than a notification holds). Delivered only on commit.
CREATE FUNCTION "notify_catalog_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text;
BEGIN
  -- Each branch is planned only when it runs: only the products update trigger names a "before" table.
  IF TG_ARGV[0] = 'moved' THEN
    IF EXISTS (SELECT 1 FROM before b JOIN changed c ON c.id = b.id WHERE c.slug <> b.slug OR c.category_id <> b.category_id) THEN
      ids := '*';
    END IF;
  END IF;
  IF TG_ARGV[0] = 'all' OR ids = '*' THEN
    PERFORM pg_notify('emporium_catalog', '*');
    RETURN NULL;
  ELSIF TG_TABLE_NAME = 'products' THEN
    SELECT 'p:' || string_agg(DISTINCT id::text, ',') INTO ids FROM changed;
  ELSIF TG_TABLE_NAME = 'stock_levels' THEN
    SELECT 'v:' || string_agg(DISTINCT variant_id::text, ',') INTO ids FROM changed;
  ELSE
    SELECT 'p:' || string_agg(DISTINCT product_id::text, ',') INTO ids FROM changed;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM pg_notify('emporium_catalog', CASE WHEN length(ids) > 7000 THEN '*' ELSE ids END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "products_catalog_feed_insert" AFTER INSERT ON "products" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "products_catalog_feed_update" AFTER UPDATE ON "products" REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('moved');
--> statement-breakpoint
CREATE TRIGGER "products_catalog_feed_delete" AFTER DELETE OR TRUNCATE ON "products" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "variants_catalog_feed_insert" AFTER INSERT ON "variants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "variants_catalog_feed_update" AFTER UPDATE ON "variants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "variants_catalog_feed_delete" AFTER DELETE ON "variants" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "variants_catalog_feed_truncate" AFTER TRUNCATE ON "variants" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "product_images_catalog_feed_insert" AFTER INSERT ON "product_images" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_images_catalog_feed_update" AFTER UPDATE ON "product_images" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_images_catalog_feed_delete" AFTER DELETE ON "product_images" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_images_catalog_feed_truncate" AFTER TRUNCATE ON "product_images" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "product_options_catalog_feed_insert" AFTER INSERT ON "product_options" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_options_catalog_feed_update" AFTER UPDATE ON "product_options" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_options_catalog_feed_delete" AFTER DELETE ON "product_options" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "product_options_catalog_feed_truncate" AFTER TRUNCATE ON "product_options" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "stock_levels_catalog_feed_insert" AFTER INSERT ON "stock_levels" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_catalog_feed_update" AFTER UPDATE ON "stock_levels" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_catalog_feed_delete" AFTER DELETE ON "stock_levels" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
--> statement-breakpoint
CREATE TRIGGER "stock_levels_catalog_feed_truncate" AFTER TRUNCATE ON "stock_levels" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "categories_catalog_feed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "categories" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
--> statement-breakpoint
CREATE TRIGGER "warehouses_catalog_feed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "warehouses" FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"('all');
