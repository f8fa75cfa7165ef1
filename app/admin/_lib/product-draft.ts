import type { ProductStatus, UpdateProductInput } from "@/server/catalog/admin-schemas";
import { amountToText } from "./money";

/** What the form edits: every field as the text the user typed; turned into a ProductInput on submit. */
export interface ProductDraft {
  slug: string;
  title: string;
  description: string;
  brand: string;
  categoryId: string;
  status: ProductStatus;
  requiresShipping: boolean;
  attributes: PairDraft[];
  options: PairDraft[];
  variants: VariantDraft[];
  images: PairDraft[];
}
/** A two-field row: attribute name/value, option name/comma-separated values, or image url/alt. */
export interface PairDraft {
  key: string;
  first: string;
  second: string;
}
export interface VariantDraft {
  key: string;
  id?: number;
  sku: string;
  title: string;
  /** Keyed by the lower-cased option name, as ProductInput expects. */
  optionValues: Record<string, string>;
  price: string;
  compareAt: string;
  weightGrams: string;
  currency: string;
  /** Initial on-hand units as typed, by warehouse id; only a new variant's are sent. */
  stock: Record<number, string>;
}

let lastKey = 0;
/** A stable React key for a row the user adds. */
export const newKey = () => `row-${++lastKey}`;

export const emptyPair = (): PairDraft => ({ key: newKey(), first: "", second: "" });
export function emptyVariant(currency = "USD"): VariantDraft {
  return { key: newKey(), sku: "", title: "", optionValues: {}, price: "", compareAt: "", weightGrams: "0", currency, stock: {} };
}

export function emptyDraft(): ProductDraft {
  return {
    slug: "",
    title: "",
    description: "",
    brand: "",
    categoryId: "",
    status: "draft",
    requiresShipping: true,
    attributes: [],
    options: [],
    variants: [emptyVariant()],
    images: [],
  };
}

export function draftFromProduct(product: UpdateProductInput): ProductDraft {
  return {
    slug: product.slug,
    title: product.title,
    description: product.description,
    brand: product.brand,
    categoryId: String(product.categoryId),
    status: product.status,
    requiresShipping: product.requiresShipping,
    attributes: Object.entries(product.attributes).map(([first, second]) => ({ key: newKey(), first, second })),
    options: product.options.map((o) => ({ key: newKey(), first: o.name, second: o.values.join(", ") })),
    variants: product.variants.map((v) => ({
      key: newKey(),
      id: v.id,
      sku: v.sku,
      title: v.title,
      optionValues: v.optionValues,
      price: amountToText(v.priceAmount, v.currency),
      compareAt: v.compareAtAmount == null ? "" : amountToText(v.compareAtAmount, v.currency),
      weightGrams: String(v.weightGrams),
      currency: v.currency,
      stock: {},
    })),
    images: (product.images ?? []).map((i) => ({ key: newKey(), first: i.url, second: i.alt })),
  };
}

export const optionKey = (name: string) => name.trim().toLowerCase();
export const splitValues = (values: string) =>
  values
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** The lower-case kebab slug a title suggests: "Linen Shirt – Navy" -> "linen-shirt-navy". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 120)
    .replace(/^-+|-+$/g, "");
}
