import type { ProductCard, ProductPage } from "@/server/catalog/schemas";
import { trpcPath, trpcQuery } from "./trpc";

/** One benchmark scenario: autocannon rotates over `paths`, one per request. */
export interface Scenario {
  name: string;
  paths: string[];
}

const PAGE_SIZE = 24;
const DEEP_PAGES = 100;

function listPath(input: { q?: string; cursor?: string }) {
  return trpcPath("catalog.listProducts", { ...input, limit: PAGE_SIZE });
}

/** Walks the catalogue page by page (newest first) and returns the cards seen and the cursor after the last page. */
async function walk(baseUrl: string, pages: number): Promise<{ cards: ProductCard[]; cursor: string }> {
  const cards: ProductCard[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < pages; page++) {
    const result = await trpcQuery<ProductPage>(baseUrl, "catalog.listProducts", { limit: PAGE_SIZE, cursor });
    cards.push(...result.items);
    if (!result.nextCursor) throw new Error(`the catalogue ended after ${page + 1} pages; the deep page needs ${pages + 1}`);
    cursor = result.nextCursor;
  }
  return { cards, cursor: cursor! };
}

// English stop words of four letters or more that titles use; PostgreSQL drops them from queries.
const STOP_WORDS = new Set(["with", "from", "that", "this", "your", "into", "over", "more"]);

/** Search terms that occur in the catalogue: two brands, the two commonest title words, and one two-word title phrase. */
function searchTerms(cards: ProductCard[]): string[] {
  const brands = [...new Set(cards.map((c) => c.brand))].slice(0, 2);
  const counts = new Map<string, number>();
  for (const card of cards) {
    for (const word of card.title.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
      if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const phrase = cards.map((c) => c.title.split(/\s+/).slice(-2).join(" ")).find((p) => p.includes(" "));
  return [...brands, ...words.slice(0, 2), ...(phrase ? [phrase] : [])];
}

export async function prepareScenarios(baseUrl: string): Promise<{ scenarios: Scenario[]; searchTerms: string[] }> {
  const { cards, cursor } = await walk(baseUrl, DEEP_PAGES);
  const slugs = cards.map((c) => c.slug);
  const terms = searchTerms(cards);
  return {
    searchTerms: terms,
    scenarios: [
      { name: "list page 1", paths: [listPath({})] },
      { name: `list page ${DEEP_PAGES + 1} (cursor)`, paths: [listPath({ cursor })] },
      { name: "product by slug", paths: slugs.map((slug) => trpcPath("catalog.productBySlug", { slug })) },
      { name: "full-text search", paths: terms.map((q) => listPath({ q })) },
      { name: "product page HTML", paths: slugs.map((slug) => `/p/${slug}`) },
    ],
  };
}
