import { z } from "zod";
import { MAX_CHARGE_AMOUNT } from "../limits";

// PostgreSQL rejects NUL in text, which would surface as a 500 instead of a 400.
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

const Money = z.int().min(0).max(MAX_CHARGE_AMOUNT);

/** How deep numbered pages reach: Meilisearch's pagination.maxTotalHits, so both adapters stop at the same place. */
export const MAX_LISTING_OFFSET = 10_000;

export const CatalogSort = z.enum(["relevance", "newest", "price_asc", "price_desc"]);
export type CatalogSort = z.infer<typeof CatalogSort>;

const filterShape = {
  categorySlug: text(200).trim().min(1).optional(),
  q: text(200)
    .trim()
    .optional()
    .transform((q) => (q ? q : undefined)),
  minPrice: Money.optional(),
  maxPrice: Money.optional(),
  inStock: z.boolean().optional(),
  brands: z.array(text(200).min(1)).max(50).optional(),
  /** Lower-case option name to the accepted values, e.g. {size: ["M", "L"], colour: ["Navy"]}. */
  options: z
    .record(
      text(50)
        .min(1)
        .refine((name) => name === name.toLowerCase(), "option names are lower case"),
      z.array(text(100).min(1)).max(50),
    )
    .refine((options) => Object.keys(options).length <= 10, "at most 10 option names")
    .optional(),
};

type PriceRange = { minPrice?: number; maxPrice?: number };
const priceRangeOrdered = (f: PriceRange) => f.minPrice === undefined || f.maxPrice === undefined || f.minPrice <= f.maxPrice;
const priceRangeMessage = { message: "maxPrice must not be below minPrice", path: ["maxPrice"] };

export const ProductFacetsInput = z.strictObject(filterShape).refine(priceRangeOrdered, priceRangeMessage);
export type ProductFacetsInput = z.input<typeof ProductFacetsInput>;
export type CatalogFilterInput = z.output<typeof ProductFacetsInput>;

export const ListProductsInput = z
  .strictObject({
    ...filterShape,
    /** Defaults to relevance when q is set, newest otherwise. */
    sort: CatalogSort.optional(),
    cursor: z.string().max(500).optional(),
    /** Numbered pages (1-based), for jumping; the cursor is for walking every page. */
    page: z.int().min(1).max(MAX_LISTING_OFFSET).optional(),
    limit: z.int().min(1).max(100).default(24),
  })
  .refine(priceRangeOrdered, priceRangeMessage)
  .refine((q) => q.page === undefined || q.cursor === undefined, { message: "use either page or cursor", path: ["page"] })
  .refine((q) => ((q.page ?? 1) - 1) * q.limit < MAX_LISTING_OFFSET, { message: `pages end at product ${MAX_LISTING_OFFSET}`, path: ["page"] });
export type ListProductsInput = z.input<typeof ListProductsInput>;
export type ListProductsQuery = z.output<typeof ListProductsInput>;

export const ProductBySlugInput = z.strictObject({ slug: text(200).min(1) });
export type ProductBySlugInput = z.input<typeof ProductBySlugInput>;

export interface ProductCard {
  id: number;
  slug: string;
  title: string;
  brand: string;
  priceMin: number;
  priceMax: number;
  /** What the cheapest variants sold at before their sale (their highest compare-at price), or null when none is on sale. */
  compareAt: number | null;
  currency: string;
  imageUrl: string | null;
  imageAlt: string;
  inStock: boolean;
  createdAt: Date;
}

export interface ProductPage {
  items: ProductCard[];
  nextCursor: string | null;
  /** The corrected query these results are for, when the typed one matched nothing. */
  didYouMean?: string;
}

export interface ProductFacets {
  total: number;
  categories: { slug: string; name: string; count: number }[];
  brands: { value: string; count: number }[];
  options: { name: string; values: { value: string; count: number }[] }[];
  price: { min: number | null; max: number | null; currency: string };
  inStockCount: number;
}

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface ProductDetail {
  id: number;
  slug: string;
  title: string;
  description: string;
  brand: string;
  attributes: Record<string, string>;
  currency: string;
  priceMin: number;
  priceMax: number;
  category: CategoryRef;
  /** Root first, ending with the product's own category. */
  breadcrumbs: CategoryRef[];
  options: { name: string; values: string[] }[];
  images: { url: string; alt: string }[];
  variants: {
    id: number;
    sku: string;
    title: string;
    optionValues: Record<string, string>;
    priceAmount: number;
    currency: string;
    compareAtAmount: number | null;
    /** Sum over warehouses of on_hand - reserved. */
    available: number;
    /** The variant's own image (set in admin), which the page shows when the variant is chosen; null: the product's images. */
    imageUrl: string | null;
    imageAlt: string | null;
  }[];
}

export interface CategoryNode {
  id: number;
  slug: string;
  name: string;
  children: CategoryNode[];
}
