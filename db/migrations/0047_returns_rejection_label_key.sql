ALTER TYPE "public"."return_status" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "label_key" text;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "returns" ADD CONSTRAINT "returns_rejection_reason_length" CHECK (char_length("returns"."rejection_reason") BETWEEN 1 AND 500);