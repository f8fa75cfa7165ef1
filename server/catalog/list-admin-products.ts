import { sql, type SQL } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import { decodeAdminCursor, encodeAdminCursor, type AdminCursor } from "./admin-cursor";
import type { AdminProductSort, ListAdminProductsInput, ProductStatus } from "./admin-schemas";

export interface AdminProductRow {
  id: number;
  slug: string;
  title: string;
  brand: string;
  status: ProductStatus;
  priceMin: number | null;
  currency: string;
  variantCount: number;
  /** Units that can be sold now: on hand less reserved, over every variant in active warehouses. */
  available: number;
  imageUrl: string | null;
  imageAlt: string;
  updatedAt: Date;
  /** The sort key of this row, for its cursor. */
  sortKey: number | string;
}

export interface AdminProductPage {
  items: AdminProductRow[];
  total: number;
  /** Cursors for the neighbouring pages, null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

// Each sort key is never null, so the row comparison (key, id) orders every product exactly once.
const KEYS: Record<string, SQL> = {
  updated: sql`(extract(epoch from p.updated_at) * 1000000)::int8`,
  title: sql`p.title`,
  price: sql`coalesce(p.price_min, -1)`,
  stock: sql`st.available`,
};

// updated_at is keyed in epoch microseconds (a JS Date would lose them), prices and stock as integers, titles as text.
const keyValue = (sort: AdminProductSort, cursor: AdminCursor): SQL =>
  sort.startsWith("title") ? sql`${String(cursor.key)}::text` : sql`${Number(cursor.key)}::int8`;

/** The admin product table: every status, searched by title, slug or SKU, sorted on the server and paged by keyset. */
export async function listAdminProducts(ctx: ServiceContext, input: ListAdminProductsInput): Promise<AdminProductPage> {
  requireAdmin(ctx);
  const { sort, pageSize } = input;
  const [column, direction] = sort.split("_") as [keyof typeof KEYS, "asc" | "desc"];
  const key = KEYS[column]!;
  const filters: SQL[] = [sql`true`];
  if (input.status) filters.push(sql`p.status = ${input.status}`);
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, "\\$&")}%`;
    filters.push(sql`(p.title ilike ${pattern} or p.slug ilike ${pattern} or exists (select 1 from variants v where v.product_id = p.id and v.sku ilike ${pattern}))`);
  }
  const where = sql.join(filters, sql` and `);

  // Paging backwards reads the rows before the cursor in reverse order, then turns them round.
  const backwards = Boolean(input.before);
  const ascending = (direction === "asc") !== backwards;
  const cursorText = input.before ?? input.after;
  const cursor = cursorText ? decodeAdminCursor(sort, cursorText) : undefined;
  const seek = cursor ? sql`and (${key}, p.id) ${ascending ? sql`>` : sql`<`} (${keyValue(sort, cursor)}, ${cursor.id})` : sql``;
  const order = ascending ? sql`asc` : sql`desc`;

  const rows = await ctx.db.execute<AdminProductRow & Record<string, unknown>>(sql`
    select p.id, p.slug, p.title, p.brand, p.status, p.price_min::float8 as "priceMin", p.currency::text as currency,
      (select count(*)::int from variants v where v.product_id = p.id) as "variantCount",
      st.available::float8 as available, img.url as "imageUrl", coalesce(img.alt, '') as "imageAlt", p.updated_at as "updatedAt",
      ${key} as "sortKey"
    from products p
    cross join lateral (
      select coalesce(sum(s.on_hand - s.reserved) filter (where w.active), 0)::int8 as available
        from variants v join stock_levels s on s.variant_id = v.id join warehouses w on w.id = s.warehouse_id
       where v.product_id = p.id
    ) st
    left join lateral (select url, alt from product_images where product_id = p.id order by position, id limit 1) img on true
    where ${where} ${seek}
    order by ${key} ${order}, p.id ${order}
    limit ${pageSize + 1}`);
  const more = rows.length > pageSize;
  // int8 keys arrive as text; microseconds and stock totals stay below 2^53.
  const page = rows.slice(0, pageSize).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt), sortKey: column === "title" ? r.sortKey : Number(r.sortKey) }));
  if (backwards) page.reverse();
  const [totals] = await ctx.db.execute<{ total: number }>(sql`select count(*)::int as total from products p where ${where}`);

  const cursorOf = (row: AdminProductRow | undefined) => (row ? encodeAdminCursor(sort, { key: row.sortKey, id: row.id }) : null);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(input.after);
  return {
    items: page,
    total: totals?.total ?? 0,
    nextCursor: hasNext && page.length > 0 ? cursorOf(page.at(-1)) : null,
    prevCursor: hasPrev && page.length > 0 ? cursorOf(page[0]) : null,
  };
}
