ALTER TABLE "product_images" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "variants" ADD COLUMN "image_id" integer;--> statement-breakpoint
ALTER TABLE "variants" ADD CONSTRAINT "variants_image_id_product_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."product_images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "product_images_storage_key" ON "product_images" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "variants_image_idx" ON "variants" USING btree ("image_id");