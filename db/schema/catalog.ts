import { sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  char,
} from "drizzle-orm/pg-core";

// The storefront shows a product when it is active and priced (server/catalog/product-filters.ts, visibleProduct).
const visibleProductSql = sql`status = 'active' and price_min is not null`;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const productStatus = pgEnum("product_status", ["draft", "active", "archived"]);

export const categories = pgTable(
  "categories",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer("parent_id").references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index("categories_parent_idx").on(t.parentId)],
);

export const products = pgTable(
  "products",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    brand: text().notNull(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    status: productStatus().notNull().default("draft"),
    // False for goods nothing is posted for (ebooks, gift cards): an order of only these has no shipping.
    requiresShipping: boolean("requires_shipping").notNull().default(true),
    // Cheapest and dearest variant price, kept in step by the verbs that write variants, so price sorts and filters need no join.
    priceMin: bigint("price_min", { mode: "number" }),
    priceMax: bigint("price_max", { mode: "number" }),
    currency: char({ length: 3 }).notNull().default("USD"),
    // Stock rows (variant × active warehouse) with units available, kept by triggers on stock_levels, variants and
    // warehouses: in stock is stocked_levels > 0, a column test instead of a scan of every stock row.
    stockedLevels: integer("stocked_levels").notNull().default(0),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${products.title}), 'A') || setweight(to_tsvector('english', ${products.brand}), 'B') || setweight(to_tsvector('english', ${products.description}), 'C')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_status_created_idx").on(t.status, t.createdAt.desc(), t.id.desc()),
    index("products_status_price_idx").on(t.status, t.priceMin, t.id),
    index("products_category_idx").on(t.categoryId),
    index("products_brand_idx").on(t.brand),
    index("products_search_idx").using("gin", t.searchVector),
    check("products_price_range", sql`${t.priceMin} <= ${t.priceMax}`),
    check("products_stocked_levels_nonnegative", sql`${t.stockedLevels} >= 0`),
    // Visible products with every column a facet count or an in-stock filter reads: those run as index-only scans of
    // this narrow index instead of reading the wide table (descriptions, search vectors).
    index("products_visible_idx").on(t.id, t.stockedLevels, t.priceMin, t.currency, t.brand, t.categoryId).where(visibleProductSql),
    // The price range of a category's visible products: two index probes per category for the unfiltered facets.
    index("products_visible_category_price_idx").on(t.categoryId, t.priceMin).where(visibleProductSql),
  ],
);

/**
 * Each visible product's distinct option values (name, value), kept by triggers on variants and products, so option
 * facets count rows instead of unpacking every variant's JSON.
 */
export const productOptionValues = pgTable(
  "product_option_values",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    // The product's category, copied so the per-category counts follow a row's own fields (a moved product moves its rows).
    categoryId: integer("category_id").notNull(),
    name: text().notNull(),
    value: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.name, t.value] }), index("product_option_values_name_value_idx").on(t.name, t.value)],
);

export const productOptions = pgTable(
  "product_options",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text().notNull(),
    values: text().array().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("product_options_product_name_key").on(t.productId, t.name)],
);

export const variants = pgTable(
  "variants",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    title: text().notNull(),
    // Option name (lower case) to value, e.g. {"size": "M", "colour": "Navy"}.
    optionValues: jsonb("option_values").$type<Record<string, string>>().notNull().default({}),
    priceAmount: bigint("price_amount", { mode: "number" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    compareAtAmount: bigint("compare_at_amount", { mode: "number" }),
    weightGrams: integer("weight_grams").notNull().default(0),
    position: integer().notNull().default(0),
    /** The variant's own picture, one of its product's images (setVariantImage checks that); null shows the product's first. */
    imageId: integer("image_id").references((): AnyPgColumn => productImages.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("variants_sku_key").on(t.sku),
    index("variants_image_idx").on(t.imageId),
    index("variants_product_idx").on(t.productId, t.position),
    index("variants_option_values_idx").using("gin", t.optionValues),
    check("variants_price_nonnegative", sql`${t.priceAmount} >= 0`),
    check("variants_compare_at_nonnegative", sql`${t.compareAtAmount} >= 0`),
    check("variants_weight_nonnegative", sql`${t.weightGrams} >= 0`),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    url: text().notNull(),
    alt: text().notNull().default(""),
    position: integer().notNull().default(0),
    /** Where an uploaded image's bytes live in the file storage (url is then /api/images/<key>); null for an external URL. */
    storageKey: text("storage_key"),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position), uniqueIndex("product_images_storage_key").on(t.storageKey)],
);

/**
 * The vocabulary "did you mean" corrects to: each word (3+ letters or digits) of active products' titles and brands with
 * the number of active products using it, kept by the products_search_words trigger; a trigram index serves similarity.
 */
export const searchWords = pgTable("search_words", {
  word: text().primaryKey(),
  products: integer().notNull().default(0),
});

/**
 * The version of search_words, one row: each transaction that changes the vocabulary bumps it once, before its first
 * change (migration 0064), so word corrections remembered under a version are known current while it stands.
 */
export const searchVocabulary = pgTable("search_vocabulary", {
  version: bigint({ mode: "number" }).notNull(),
});

/** The search index's latest sync, drift check and reindex, one row each, for the admin's index status page. */
export const searchIndexRuns = pgTable(
  "search_index_runs",
  {
    kind: text().primaryKey(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** What the run did: counts only (documents written, deleted; drift found and repaired). */
    report: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [check("search_index_runs_kind", sql`${t.kind} in ('sync', 'drift-check', 'reindex')`)],
);

/**
 * How many visible products of each category carry each option value: product_option_values counted per (category,
 * name, value), kept by its triggers, so the option facets of the catalogue or of a category's subtree with no other
 * filter read a few hundred rows. Values no product carries stay at 0.
 */
export const optionValueCounts = pgTable(
  "option_value_counts",
  {
    categoryId: integer("category_id").notNull(),
    name: text().notNull(),
    value: text().notNull(),
    products: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.name, t.value] }), check("option_value_counts_nonnegative", sql`${t.products} >= 0`)],
);

/**
 * Visible products per (category, brand, currency), and how many of them are in stock, kept by triggers on products in
 * the transaction that changes them: the facets of the catalogue or of a category's subtree with no other filter (total,
 * in stock, categories, brands) read these rows instead of every product. A stock write touches a row only when a
 * product sells out or comes back. Rows no product counts in stay at 0.
 */
export const categoryBrandCounts = pgTable(
  "category_brand_counts",
  {
    categoryId: integer("category_id").notNull(),
    brand: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    products: integer().notNull().default(0),
    inStock: integer("in_stock").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.categoryId, t.brand, t.currency] }),
    check("category_brand_counts_in_range", sql`${t.inStock} >= 0 and ${t.inStock} <= ${t.products}`),
  ],
);
