import { asc, ilike, or } from "drizzle-orm";
import { categories } from "@/db/schema";
import type { ServiceContext } from "../context";
import type { SuggestInput, Suggestions } from "./schemas";
import { searchEngine } from "./search-engine";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What the search box offers while a shopper types: the best few products (same search as the results page) and categories whose name starts a word with the text. */
export async function suggestProducts(ctx: ServiceContext, input: SuggestInput): Promise<Suggestions> {
  const text = escapeLike(input.q);
  const [page, found] = await Promise.all([
    // SuggestInput has already checked the text (trimmed, not empty, no NUL, at most 100 characters).
    searchEngine().listProducts(ctx, { q: input.q, limit: 6 }),
    ctx.db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .where(or(ilike(categories.name, `${text}%`), ilike(categories.name, `% ${text}%`)))
      .orderBy(asc(categories.name))
      .limit(3),
  ]);
  return {
    products: page.items.map(({ slug, title, brand, priceMin, currency, imageUrl }) => ({ slug, title, brand, priceMin, currency, imageUrl })),
    categories: found,
    ...(page.didYouMean ? { didYouMean: page.didYouMean } : {}),
  };
}
