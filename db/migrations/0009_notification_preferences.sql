CREATE TYPE "public"."notification_category" AS ENUM('order-updates', 'shipping-updates', 'marketing', 'back-in-stock');--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_preferences_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" text,
	"address" text,
	"category" "notification_category" NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_one_owner" CHECK (("notification_preferences"."user_id" IS NULL) <> ("notification_preferences"."address" IS NULL)),
	CONSTRAINT "notification_preferences_address_lower" CHECK ("notification_preferences"."address" = lower("notification_preferences"."address"))
);
--> statement-breakpoint
DROP INDEX "notifications_message_key";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resend_of" uuid;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_user_key" ON "notification_preferences" USING btree ("user_id","category","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_address_key" ON "notification_preferences" USING btree ("address","category","channel");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_resend_of_notifications_id_fk" FOREIGN KEY ("resend_of") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_queued_idx" ON "notifications" USING btree ("updated_at") WHERE "notifications"."status" = 'queued';--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_message_key" ON "notifications" USING btree ("kind","subject_id","recipient","channel") WHERE "notifications"."resend_of" IS NULL;