ALTER TABLE "product_sales_days" DROP CONSTRAINT "product_sales_days_day_product_id_currency_pk";--> statement-breakpoint
ALTER TABLE "sales_hours" DROP CONSTRAINT "sales_hours_bucket_currency_pk";--> statement-breakpoint
ALTER TABLE "product_sales_days" ADD CONSTRAINT "product_sales_days_day_product_id_currency_slot_pk" PRIMARY KEY("day","product_id","currency","slot");--> statement-breakpoint
ALTER TABLE "sales_hours" ADD CONSTRAINT "sales_hours_bucket_currency_slot_pk" PRIMARY KEY("bucket","currency","slot");