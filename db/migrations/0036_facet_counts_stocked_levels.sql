CREATE TABLE "product_option_values" (
	"product_id" integer NOT NULL,
	"name" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "product_option_values_product_id_name_value_pk" PRIMARY KEY("product_id","name","value")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "stocked_levels" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_option_values" ADD CONSTRAINT "product_option_values_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_option_values_name_value_idx" ON "product_option_values" USING btree ("name","value");--> statement-breakpoint
CREATE INDEX "products_visible_brand_idx" ON "products" USING btree ("brand") WHERE status = 'active' and price_min is not null;--> statement-breakpoint
CREATE INDEX "products_visible_category_idx" ON "products" USING btree ("category_id") WHERE status = 'active' and price_min is not null;--> statement-breakpoint
CREATE INDEX "products_visible_price_idx" ON "products" USING btree ("price_min","stocked_levels","currency") WHERE status = 'active' and price_min is not null;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stocked_levels_nonnegative" CHECK ("products"."stocked_levels" >= 0);