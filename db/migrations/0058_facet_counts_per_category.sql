CREATE TABLE "category_brand_counts" (
	"category_id" integer NOT NULL,
	"brand" text NOT NULL,
	"currency" char(3) NOT NULL,
	"products" integer DEFAULT 0 NOT NULL,
	"in_stock" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "category_brand_counts_category_id_brand_currency_pk" PRIMARY KEY("category_id","brand","currency"),
	CONSTRAINT "category_brand_counts_in_range" CHECK ("category_brand_counts"."in_stock" >= 0 and "category_brand_counts"."in_stock" <= "category_brand_counts"."products")
);
--> statement-breakpoint
ALTER TABLE "option_value_counts" ADD COLUMN "category_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "product_option_values" ADD COLUMN "category_id" integer NOT NULL;--> statement-breakpoint
CREATE INDEX "products_visible_category_price_idx" ON "products" USING btree ("category_id","price_min") WHERE status = 'active' and price_min is not null;