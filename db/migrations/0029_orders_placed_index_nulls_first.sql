DROP INDEX "orders_placed_idx";--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("placed_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);