DROP INDEX "products_visible_brand_idx";--> statement-breakpoint
DROP INDEX "products_visible_category_idx";--> statement-breakpoint
DROP INDEX "products_visible_price_idx";--> statement-breakpoint
CREATE INDEX "products_visible_idx" ON "products" USING btree ("id","stocked_levels","price_min","currency","brand","category_id") WHERE status = 'active' and price_min is not null;