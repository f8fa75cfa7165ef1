import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import type { Db } from "@/db/client";
import { categories, warehouses } from "@/db/schema";
import type { Actor } from "../context";
import { appRouter, createCaller } from "../trpc/root";
import type { ProductInput, UpdateProductInput } from "./admin-schemas";
import type { AdminProduct } from "./get-admin-product";

export const actors = {
  anonymous: { type: "anonymous" },
  shopper: { type: "shopper", userId: "shopper-1" },
  admin: { type: "admin", userId: "admin-1" },
} satisfies Record<string, Actor>;

export const adminCaller = (db: Db) => createCaller({ db, actor: actors.admin });

/** A parent category with one child (products go in the child) and two warehouses. */
export async function seedCatalogBasics(db: Db) {
  const [parent] = await db.insert(categories).values({ slug: "clothing", name: "Clothing" }).returning({ id: categories.id });
  const [child] = await db
    .insert(categories)
    .values({ slug: "shirts", name: "Shirts", parentId: parent!.id })
    .returning({ id: categories.id });
  const stores = await db
    .insert(warehouses)
    .values([
      { code: "east", name: "East" },
      { code: "west", name: "West" },
    ])
    .returning({ id: warehouses.id });
  return { parentCategoryId: parent!.id, categoryId: child!.id, warehouseIds: stores.map((w) => w.id) };
}

/** A shirt in two sizes; `sku` prefixes the variant SKUs so several products can coexist. */
export function shirtInput(categoryId: number, slug = "oxford-shirt", sku = slug.toUpperCase()): ProductInput {
  return {
    slug,
    title: "Oxford shirt",
    description: "A button-down shirt in heavy cotton.",
    brand: "Harbour",
    categoryId,
    status: "active",
    requiresShipping: true,
    attributes: { material: "cotton" },
    options: [{ name: "Size", values: ["M", "L"] }],
    variants: [
      { sku: `${sku}-M`, title: "M", optionValues: { size: "M" }, priceAmount: 4500, currency: "EUR", compareAtAmount: null, weightGrams: 300 },
      { sku: `${sku}-L`, title: "L", optionValues: { size: "L" }, priceAmount: 4900, currency: "EUR", compareAtAmount: 5900, weightGrams: 320 },
    ],
    images: [{ url: "https://images.test/oxford.jpg", alt: "Oxford shirt, front" }],
  };
}

/** The `data` a browser would receive for the failed call: code, fieldErrors, zodIssues. */
export async function clientError(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const config = appRouter._def._config;
  return getErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: undefined }).data;
}

/** What the edit form would send back for a product as `get` returns it (no image ids, no variant images). */
export function formOf(product: AdminProduct): UpdateProductInput & { variants: (UpdateProductInput["variants"][number] & { id: number })[] } {
  const { id, slug, title, description, brand, categoryId, status, requiresShipping, attributes, options } = product;
  const variants = product.variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    title: v.title,
    optionValues: v.optionValues,
    priceAmount: v.priceAmount,
    currency: v.currency,
    compareAtAmount: v.compareAtAmount,
    weightGrams: v.weightGrams,
  }));
  return { id, slug, title, description, brand, categoryId, status, requiresShipping, attributes, options, variants, images: product.images.map((i) => ({ url: i.url, alt: i.alt })) };
}
