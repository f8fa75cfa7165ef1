ALTER TABLE "shipments" DROP CONSTRAINT "shipments_label_complete";--> statement-breakpoint
DROP INDEX "shipments_order_warehouse_key";--> statement-breakpoint
ALTER TABLE "shipment_events" ADD COLUMN "estimated_delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_parent_id_shipments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."shipments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_order_warehouse_key" ON "shipments" USING btree ("order_id","warehouse_id") WHERE "shipments"."parent_id" IS NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_label_complete" CHECK ("shipments"."status" IN ('pending', 'cancelled') OR ("shipments"."tracking_code" IS NOT NULL AND "shipments"."tracking_url" IS NOT NULL AND ("shipments"."carrier_shipment_id" IS NULL OR ("shipments"."label_key" IS NOT NULL AND "shipments"."label_purchased_at" IS NOT NULL))));