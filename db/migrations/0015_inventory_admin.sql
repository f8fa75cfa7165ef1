CREATE TABLE "inventory_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"default_low_stock_threshold" integer DEFAULT 5 NOT NULL,
	CONSTRAINT "inventory_settings_single_row" CHECK ("inventory_settings"."id"),
	CONSTRAINT "inventory_settings_threshold_nonnegative" CHECK ("inventory_settings"."default_low_stock_threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "variant_stock_settings" (
	"variant_id" integer PRIMARY KEY NOT NULL,
	"low_stock_threshold" integer,
	"alert_armed" boolean DEFAULT true NOT NULL,
	"alerts_sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "variant_stock_settings_threshold_nonnegative" CHECK ("variant_stock_settings"."low_stock_threshold" >= 0)
);
--> statement-breakpoint
ALTER TABLE "warehouses" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "variant_stock_settings" ADD CONSTRAINT "variant_stock_settings_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE cascade ON UPDATE no action;