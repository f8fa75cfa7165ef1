ALTER TABLE "product_sales_days" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_hours" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;