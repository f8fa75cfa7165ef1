CREATE TABLE "customer_firsts" (
	"email" text PRIMARY KEY NOT NULL,
	"first_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_sales_days" (
	"day" date NOT NULL,
	"product_id" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "product_sales_days_day_product_id_currency_pk" PRIMARY KEY("day","product_id","currency")
);
--> statement-breakpoint
CREATE TABLE "sales_hours" (
	"bucket" timestamp with time zone NOT NULL,
	"currency" char(3) NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"refunds" integer DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_hours_bucket_currency_pk" PRIMARY KEY("bucket","currency")
);
--> statement-breakpoint
DROP INDEX "orders_user_idx";--> statement-breakpoint
DROP INDEX "orders_status_idx";--> statement-breakpoint
CREATE INDEX "customer_firsts_first_at_idx" ON "customer_firsts" USING btree ("first_at");--> statement-breakpoint
CREATE INDEX "refunds_succeeded_created_idx" ON "refunds" USING btree ("created_at") WHERE "refunds"."status" = 'succeeded';--> statement-breakpoint
CREATE INDEX "orders_user_idx" ON "orders" USING btree ("user_id","placed_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","placed_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);