import type { Index, Settings } from "meilisearch";
import synonyms from "../synonyms.json";
import { MAX_LISTING_OFFSET } from "../../catalog/schemas";

/**
 * The product index's settings, kept here and applied at start-up when the server's differ (ensureIndexSettings).
 * Searchable attributes are in ranked order: a title match beats a brand match beats a SKU or description one. "sort"
 * comes first so a chosen sort orders results as it does on PostgreSQL; without one it is a no-op.
 */
export const productIndexSettings = {
  // The PostgreSQL adapter's fields and weights (title, brand, description), plus SKUs.
  searchableAttributes: ["title", "brand", "skus", "description"],
  filterableAttributes: ["categoryIds", "brand", "optionValues", "priceMin", "inStock", "currency"],
  sortableAttributes: ["createdAt", "priceMin", "id", "popularity"],
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "popularity:desc"],
  faceting: { maxValuesPerFacet: 1000 },
  // A SKU is matched exactly or not at all: AUD-000123-1 must not find AUD-000124-1.
  typoTolerance: { enabled: true, disableOnAttributes: ["skus"], minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: synonyms as Record<string, string[]>,
  stopWords: ["a", "an", "and", "for", "of", "the", "with"],
  // Offset paging reaches this far; a shopper never pages past 10,000 products.
  pagination: { maxTotalHits: MAX_LISTING_OFFSET },
} satisfies Settings;

// Meilisearch answers the other lists as sets, in its own order.
const ORDERED = new Set(["searchableAttributes", "rankingRules"]);
const sorted = (list: unknown) => (Array.isArray(list) ? [...list].map(String).sort() : list);

/** Whether `actual` lacks a setting of `wanted` (lists compared whole, objects by the keys `wanted` names). */
export function settingsDiffer(wanted: unknown, actual: unknown, key = ""): boolean {
  if (Array.isArray(wanted)) {
    return ORDERED.has(key) ? JSON.stringify(wanted) !== JSON.stringify(actual) : JSON.stringify(sorted(wanted)) !== JSON.stringify(sorted(actual));
  }
  if (wanted && typeof wanted === "object") {
    if (!actual || typeof actual !== "object") return true;
    const a = actual as Record<string, unknown>;
    return Object.entries(wanted).some(([k, value]) => settingsDiffer(value, a[k], k));
  }
  return wanted !== actual;
}

/** Applies the settings when the index's differ, waiting for the task; true when it had to. */
export async function ensureIndexSettings(index: Index, timeoutMs = 60_000): Promise<boolean> {
  const current = await index.getSettings();
  const { synonyms: wantedSynonyms, ...rest } = productIndexSettings;
  const synonymsDiffer = JSON.stringify(sortKeys(wantedSynonyms)) !== JSON.stringify(sortKeys(current.synonyms ?? {}));
  if (!synonymsDiffer && !settingsDiffer(rest, current)) return false;
  await index.updateSettings(productIndexSettings).waitTask({ timeout: timeoutMs });
  return true;
}

const sortKeys = (o: Record<string, string[]>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
