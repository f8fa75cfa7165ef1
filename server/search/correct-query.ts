import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { productConditions, queryWords } from "../catalog/product-filters";
import { remember, rememberedCorrections, vocabularyVersion } from "./word-corrections";

/** Whether any visible product matches the words of `q` (prefixes, or an exact SKU), whatever the other filters. */
export async function anyProductMatches(ctx: ServiceContext, q: string): Promise<boolean> {
  // Materialized, so the matches are planned as a whole (the text index) and read lazily up to the first. A plain EXISTS
  // is planned to stop at the first match, which a sequential scan reaches soonest on paper: for a word nothing matches
  // it then read every product (2-4 s on a million).
  const [row] = await ctx.db.execute<{ found: boolean }>(sql`
    with matched as materialized (select 1 from products p where ${productConditions({ q })})
    select exists (select 1 from matched) as found`);
  return row?.found ?? false;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two words: "overcaot" is one from "overcoat". */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

// Short words allow one edit, longer ones two: "cofee" → "coffee", "headphnes" → "headphones".
const maxEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/** A word's correction from its candidates: the closest within the edits its length allows, or the word itself. */
function closest(word: string, known: boolean, candidates: string[]): string {
  if (known) return word;
  const ranked = candidates.map((c) => ({ c, edits: editDistance(word, c) })).filter((x) => x.edits <= maxEdits(word));
  ranked.sort((a, b) => a.edits - b.edits);
  return ranked[0]?.c ?? word;
}

const joinedCorrection = (words: string[], corrected: string[]) => (corrected.join(" ") === words.join(" ") ? null : corrected.join(" "));

/**
 * The correction of `q` from remembered word corrections alone (./word-corrections.ts), with the vocabulary version it
 * was looked up under; undefined when some word is not remembered. `corrected` is null when nothing changes.
 */
export function rememberedCorrection(ctx: ServiceContext, q: string): { corrected: string | null; version: number } | undefined {
  const words = queryWords(q);
  const remembered = words.length && words.length <= 8 ? rememberedCorrections(ctx, words) : null;
  return remembered ? { corrected: joinedCorrection(words, remembered.corrected), version: remembered.version } : undefined;
}

/**
 * The query with each word that starts no known word replaced by the closest known word (candidates by pg_trgm
 * similarity over search_words, the vocabulary of active products' titles and brands, then the fewest edits), or null
 * when nothing changes. Each word's correction is remembered with the vocabulary version read beside it.
 */
export async function correctQuery(ctx: ServiceContext, q: string): Promise<string | null> {
  const words = queryWords(q);
  if (!words.length || words.length > 8) return null;
  // One statement: the function carries its own looser similarity threshold (migration 0063).
  const rows = await ctx.db.execute<{ word: string; known: boolean; candidates: string[]; version: number }>(sql`
    select word, known, candidates, ${vocabularyVersion} as version from search_word_candidates(${`{${words.join(",")}}`}::text[])`);
  const corrected = rows.map(({ word, known, candidates }) => closest(word, known, candidates));
  if (rows[0]) remember(ctx, rows[0].version, rows.map(({ word }, i) => [word, corrected[i]!]));
  return joinedCorrection(words, corrected);
}
