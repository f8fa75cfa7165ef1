import type { CatalogFilters, Omitted } from "../../catalog/product-filters";
import { activeOptions } from "../../catalog/product-filters";

// A JSON string is a Meilisearch string literal: double quotes, backslash escapes.
const quote = (value: string) => JSON.stringify(value);
const anyOf = (attribute: string, values: string[]) => `${attribute} IN [${values.map(quote).join(", ")}]`;

/** The same filters as the PostgreSQL adapter's productConditions, as Meilisearch filter expressions AND-ed together. */
export function meilisearchFilter(f: CatalogFilters, omit: Omitted = {}): string[] {
  const parts: string[] = [];
  if (f.categoryId !== undefined && !omit.category) parts.push(`categoryIds = ${f.categoryId}`);
  if (!omit.price && f.minPrice !== undefined) parts.push(`priceMin >= ${f.minPrice}`);
  if (!omit.price && f.maxPrice !== undefined) parts.push(`priceMin <= ${f.maxPrice}`);
  if (f.inStock && !omit.inStock) parts.push("inStock = true");
  if (f.brands?.length && !omit.brands) parts.push(anyOf("brand", f.brands));
  for (const [name, values] of activeOptions(f)) {
    if (name !== omit.option) parts.push(anyOf("optionValues", values.map((v) => `${name}=${v}`)));
  }
  return parts;
}

/** `name=value` back into its parts (values may hold '=' themselves; names never do). */
export function splitOptionValue(pair: string): [string, string] {
  const at = pair.indexOf("=");
  return [pair.slice(0, at), pair.slice(at + 1)];
}
