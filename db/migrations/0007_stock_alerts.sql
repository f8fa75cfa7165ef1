CREATE TABLE "stock_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" integer NOT NULL,
	"user_id" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "stock_alerts_one_subscriber" CHECK (num_nonnulls("stock_alerts"."user_id", "stock_alerts"."email") = 1),
	CONSTRAINT "stock_alerts_email_lower" CHECK ("stock_alerts"."email" = lower("stock_alerts"."email"))
);
--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_alerts" ADD CONSTRAINT "stock_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_alerts_waiting_user_key" ON "stock_alerts" USING btree ("variant_id","user_id") WHERE "stock_alerts"."notified_at" IS NULL AND "stock_alerts"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_alerts_waiting_email_key" ON "stock_alerts" USING btree ("variant_id","email") WHERE "stock_alerts"."notified_at" IS NULL AND "stock_alerts"."email" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "stock_alerts_user_idx" ON "stock_alerts" USING btree ("user_id");