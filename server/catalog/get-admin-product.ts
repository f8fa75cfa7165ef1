import { asc, eq, sql } from "drizzle-orm";
import { productImages, productOptions, products, variants } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { ProductIdInput, ProductInput } from "./admin-schemas";

export type AdminProduct = Omit<ProductInput, "variants" | "images"> & {
  id: number;
  variants: (ProductInput["variants"][number] & { id: number; imageId: number | null })[];
  /** In order; `uploaded` ones live in the file storage, the others are external URLs. */
  images: { id: number; url: string; alt: string; uploaded: boolean }[];
  createdAt: Date;
  updatedAt: Date;
};

/** Everything the product edit form needs, whatever the product's status. */
export async function getAdminProduct(ctx: ServiceContext, input: ProductIdInput): Promise<AdminProduct> {
  requireAdmin(ctx);
  const { db } = ctx;
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      brand: products.brand,
      categoryId: products.categoryId,
      status: products.status,
      requiresShipping: products.requiresShipping,
      attributes: products.attributes,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(eq(products.id, input.id));
  if (!product) throw notFound("Product");

  const options = await db
    .select({ name: productOptions.name, values: productOptions.values })
    .from(productOptions)
    .where(eq(productOptions.productId, input.id))
    .orderBy(asc(productOptions.position), asc(productOptions.id));
  const variantRows = await db
    .select({
      id: variants.id,
      sku: variants.sku,
      title: variants.title,
      optionValues: variants.optionValues,
      priceAmount: variants.priceAmount,
      currency: variants.currency,
      compareAtAmount: variants.compareAtAmount,
      weightGrams: variants.weightGrams,
      imageId: variants.imageId,
    })
    .from(variants)
    .where(eq(variants.productId, input.id))
    .orderBy(asc(variants.position), asc(variants.id));
  const images = await db
    .select({ id: productImages.id, url: productImages.url, alt: productImages.alt, uploaded: sql<boolean>`${productImages.storageKey} is not null` })
    .from(productImages)
    .where(eq(productImages.productId, input.id))
    .orderBy(asc(productImages.position), asc(productImages.id));

  return { ...product, options, variants: variantRows, images };
}
