import type { ProductFacetsInput, CatalogSort } from "@/server/catalog/schemas";
import { MAX_CHARGE_AMOUNT } from "@/server/limits";

export type SearchParams = Record<string, string | string[] | undefined>;

/** Query keys with a fixed meaning; every other key filters on the product option of that name (size=M&colour=Navy). */
// "after" was the cursor of older listing URLs: still reserved, so those links do not filter on an option named "after".
const RESERVED = new Set(["q", "category", "brand", "min", "max", "instock", "sort", "page", "after"]);
// Campaign and click ids that links from outside carry; as option filters they would empty the listing.
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|ref)$/;

// Price filters are typed in whole units of the catalogue's currency, which has two decimals.
const MINOR_PER_UNIT = 100;

export const PAGE_SIZE = 24;

// The API's limits; a hand-edited URL beyond them is trimmed instead of failing the page.
const MAX_VALUES = 50;
const MAX_OPTION_NAMES = 10;
const MAX_TEXT = 200;

export interface Listing {
  filters: ProductFacetsInput;
  sort: CatalogSort;
  /** 1-based page number. */
  page: number;
}

export function paramValues(params: SearchParams, key: string): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(list.map((v) => v.trim().slice(0, MAX_TEXT)).filter(Boolean))].slice(0, MAX_VALUES);
}

export function paramValue(params: SearchParams, key: string): string | undefined {
  return paramValues(params, key)[0];
}

function unitsToMinor(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const units = Number(value);
  return Number.isFinite(units) && units >= 0 ? Math.min(Math.round(units * MINOR_PER_UNIT), MAX_CHARGE_AMOUNT) : undefined;
}

/** Minor units to what a price field shows; `round` (Math.floor, Math.ceil) makes it a whole number. */
export function minorToUnits(amount: number | null | undefined, round: (units: number) => number = (units) => units): string {
  return amount === null || amount === undefined ? "" : String(round(amount / MINOR_PER_UNIT));
}

export function sortOptions(hasQuery: boolean): { value: CatalogSort; label: string }[] {
  return [
    ...(hasQuery ? [{ value: "relevance" as const, label: "Relevance" }] : []),
    { value: "newest", label: "Newest" },
    { value: "price_asc", label: "Price: low to high" },
    { value: "price_desc", label: "Price: high to low" },
  ];
}

/** Reads filters, sort and page from the URL; `fixed` holds what the route itself decides (the category of /c/[category]). */
export function parseListing(params: SearchParams, fixed: { categorySlug?: string; q?: string } = {}): Listing {
  const q = fixed.q?.trim().slice(0, MAX_TEXT) || undefined;
  const options: Record<string, string[]> = {};
  for (const key of Object.keys(params)) {
    const values = paramValues(params, key).filter((v) => v.length <= 100);
    const name = key.toLowerCase();
    if (!RESERVED.has(name) && !TRACKING.test(name) && name.length <= 50 && values.length > 0 && Object.keys(options).length < MAX_OPTION_NAMES) options[name] = values;
  }
  const brands = paramValues(params, "brand");
  const prices = [unitsToMinor(paramValue(params, "min")), unitsToMinor(paramValue(params, "max"))];
  const [minPrice, maxPrice] = prices[0] !== undefined && prices[1] !== undefined && prices[0] > prices[1] ? prices.reverse() : prices;
  const filters: ProductFacetsInput = {
    categorySlug: fixed.categorySlug,
    q,
    minPrice,
    maxPrice,
    inStock: paramValue(params, "instock") === "1" ? true : undefined,
    brands: brands.length > 0 ? brands : undefined,
    options: Object.keys(options).length > 0 ? options : undefined,
  };
  const requested = paramValue(params, "sort");
  const allowed = sortOptions(Boolean(q)).map((o) => o.value);
  const sort = allowed.find((s) => s === requested) ?? (q ? "relevance" : "newest");
  const page = Number(paramValue(params, "page"));
  return { filters: dropUndefined(filters), sort, page: Number.isSafeInteger(page) && page > 1 ? page : 1 };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** True when any filter a shopper can clear is set (the route's own category and query do not count). */
export function hasActiveFilters(filters: ProductFacetsInput): boolean {
  return Boolean(filters.brands || filters.options || filters.inStock || filters.minPrice !== undefined || filters.maxPrice !== undefined);
}

/**
 * The current URL with some keys replaced (undefined removes a key). The page is dropped unless set
 * explicitly, because any other change starts the listing over.
 */
export function listingHref(pathname: string, params: SearchParams, changes: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  const merged: SearchParams = { ...params, page: undefined, after: undefined, ...changes };
  for (const [key, raw] of Object.entries(merged)) {
    for (const value of paramValues({ [key]: raw }, key)) query.append(key, value);
  }
  const qs = query.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** A listing's canonical address: the path, the keys that change what it is about (the search query), and the page beyond the first. */
export function canonicalListing(pathname: string, params: SearchParams, keep: string[] = []): string {
  const page = parseListing(params).page;
  const kept = Object.fromEntries(keep.map((key) => [key, paramValue(params, key)]));
  return listingHref(pathname, kept, { page: page > 1 ? String(page) : undefined });
}
