import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Notified by database triggers on commit of a change to what product and category pages show (migration page_cache_notify). */
export const CATALOG_FEED_CHANNEL = "emporium_catalog";

/** The pages a batch of changes touches: every page, or the products' own and their categories' with every ancestor. */
export type CatalogChange = { all: true } | { all: false; productSlugs: string[]; categorySlugs: string[] };

const BATCH_MS = 50;

const idsOf = (payloads: string[], prefix: "p:" | "v:") =>
  `{${payloads.filter((p) => p.startsWith(prefix)).flatMap((p) => p.slice(2).split(",")).filter((id) => /^\d+$/.test(id)).join(",")}}`;

/** Resolves notification payloads ('p:1,2', 'v:3', '*') to the product slugs and category slugs whose pages they change. */
export async function pagesChangedBy(db: Db, payloads: string[]): Promise<CatalogChange> {
  if (payloads.includes("*")) return { all: true };
  const rows = await db.execute<{ kind: "product" | "category"; slug: string }>(sql`
    with recursive changed as (
      select p.slug, p.category_id from products p
       where p.id = any(${idsOf(payloads, "p:")}::int[])
          or p.id in (select v.product_id from variants v where v.id = any(${idsOf(payloads, "v:")}::int[]))
    ),
    up as (
      select c.id, c.parent_id, c.slug from categories c where c.id in (select category_id from changed)
      union
      select c.id, c.parent_id, c.slug from categories c join up on c.id = up.parent_id
    )
    select 'product' as kind, slug from changed union all select 'category', slug from up`);
  return {
    all: false,
    productSlugs: rows.filter((r) => r.kind === "product").map((r) => r.slug),
    categorySlugs: rows.filter((r) => r.kind === "category").map((r) => r.slug),
  };
}

/**
 * Calls `onChange` after committed catalogue, price and stock changes made by any app instance, batched over a few
 * milliseconds; also with `{ all: true }` each time the LISTEN connection is made: changes committed while nothing
 * listened (before this instance started, or during a drop) were never heard, and pages cached by Next survive a
 * restart. Resolves once listening; the returned function stops.
 */
export async function watchCatalog(db: Db, onChange: (change: CatalogChange) => Promise<void>): Promise<() => Promise<void>> {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const payloads = pending;
    pending = [];
    pagesChangedBy(db, payloads)
      .then(onChange)
      .catch((error) => console.error("[page cache] could not expire changed pages", error));
  };
  const heard = (payload: string) => {
    pending.push(payload);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  const listening = await db.$client.listen(CATALOG_FEED_CHANNEL, heard, () => heard("*"));
  return async () => {
    if (timer) clearTimeout(timer);
    await listening.unlisten();
  };
}
