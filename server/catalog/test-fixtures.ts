import type { Db, Tx } from "@/db/client";
import { categories, productImages, productOptions, products, stockLevels, variants, warehouses } from "@/db/schema";

/**
 * Builds catalogue rows straight into a test database (no verbs involved), with sensible defaults so a test states
 * only what it checks. Slugs and SKUs default to unique values.
 */
type Database = Db | Tx;

let sequence = 0;
const next = () => ++sequence;

export async function insertCategory(
  db: Database,
  category: { slug: string; name?: string; parentId?: number | null; position?: number },
): Promise<number> {
  const [row] = await db
    .insert(categories)
    .values({ name: category.slug, ...category })
    .returning({ id: categories.id });
  return row!.id;
}

export async function insertWarehouse(db: Database, code = `wh-${next()}`): Promise<number> {
  const [row] = await db.insert(warehouses).values({ code, name: code }).returning({ id: warehouses.id });
  return row!.id;
}

export interface VariantFixture {
  sku?: string;
  title?: string;
  optionValues?: Record<string, string>;
  priceAmount?: number;
  currency?: string;
  compareAtAmount?: number | null;
  weightGrams?: number;
  /** One stock row per warehouse. */
  stock?: { warehouseId: number; onHand: number; reserved?: number }[];
}

export interface ProductFixture {
  categoryId: number;
  slug?: string;
  title?: string;
  description?: string;
  brand?: string;
  status?: "draft" | "active" | "archived";
  /** Defaults to true: the product is posted. */
  requiresShipping?: boolean;
  attributes?: Record<string, string>;
  createdAt?: Date;
  /** Defaults to the distinct option values found on the variants. */
  options?: { name: string; values: string[] }[];
  /** Defaults to one variant priced 1000. An empty list leaves the product unpriced. */
  variants?: VariantFixture[];
  images?: { url: string; alt?: string }[];
}

export interface InsertedProduct {
  id: number;
  slug: string;
  variantIds: number[];
}

function optionsOf(list: VariantFixture[]) {
  const byName = new Map<string, string[]>();
  for (const v of list) {
    for (const [name, value] of Object.entries(v.optionValues ?? {})) {
      const values = byName.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      byName.set(name, values);
    }
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

export async function insertProduct(db: Database, fixture: ProductFixture): Promise<InsertedProduct> {
  const n = next();
  const variantList = (fixture.variants ?? [{}]).map((v, i) => ({ ...v, priceAmount: v.priceAmount ?? 1000, position: i }));
  const currency = variantList[0]?.currency ?? "USD";
  const prices = variantList.map((v) => v.priceAmount);
  const [product] = await db
    .insert(products)
    .values({
      slug: fixture.slug ?? `product-${n}`,
      title: fixture.title ?? `Product ${n}`,
      description: fixture.description ?? "",
      brand: fixture.brand ?? "Generic",
      categoryId: fixture.categoryId,
      status: fixture.status ?? "active",
      requiresShipping: fixture.requiresShipping ?? true,
      attributes: fixture.attributes ?? {},
      currency,
      priceMin: prices.length ? Math.min(...prices) : null,
      priceMax: prices.length ? Math.max(...prices) : null,
      ...(fixture.createdAt ? { createdAt: fixture.createdAt, updatedAt: fixture.createdAt } : {}),
    })
    .returning({ id: products.id, slug: products.slug });
  const productId = product!.id;

  const options = fixture.options ?? optionsOf(variantList);
  if (options.length) {
    await db.insert(productOptions).values(options.map((o, position) => ({ productId, ...o, position })));
  }
  if (fixture.images?.length) {
    await db.insert(productImages).values(fixture.images.map((img, position) => ({ productId, ...img, position })));
  }
  const variantIds: number[] = [];
  for (const v of variantList) {
    const [row] = await db
      .insert(variants)
      .values({
        productId,
        sku: v.sku ?? `SKU-${n}-${v.position}`,
        title: v.title ?? (Object.values(v.optionValues ?? {}).join(" / ") || "Default"),
        optionValues: v.optionValues ?? {},
        priceAmount: v.priceAmount,
        currency: v.currency ?? currency,
        compareAtAmount: v.compareAtAmount ?? null,
        weightGrams: v.weightGrams ?? 0,
        position: v.position,
      })
      .returning({ id: variants.id });
    variantIds.push(row!.id);
    if (v.stock?.length) {
      await db.insert(stockLevels).values(v.stock.map((s) => ({ variantId: row!.id, reserved: 0, ...s })));
    }
  }
  return { id: productId, slug: product!.slug, variantIds };
}
