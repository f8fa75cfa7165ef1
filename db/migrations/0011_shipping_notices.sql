CREATE TABLE "shipping_notices" (
	"shipment_id" text NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"service" text,
	"tracking_code" text NOT NULL,
	"tracking_url" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"estimated_delivery_at" timestamp with time zone,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_notices_shipment_id_kind_pk" PRIMARY KEY("shipment_id","kind")
);
--> statement-breakpoint
ALTER TABLE "shipping_notices" ADD CONSTRAINT "shipping_notices_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipping_notices_order_idx" ON "shipping_notices" USING btree ("order_id");