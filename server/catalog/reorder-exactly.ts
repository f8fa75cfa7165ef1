import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";

/**
 * One statement: the rows of `table` that `scope` selects get positions 0…n-1 in the order of `ids`, only when `ids`
 * names exactly those rows (a row added or moved away meanwhile makes it change nothing). False when refused.
 */
export async function reorderExactly(ctx: ServiceContext, table: "categories" | "product_images", scope: SQL, ids: number[]): Promise<boolean> {
  const list = `{${ids.join(",")}}`;
  const rows = await ctx.db.execute<{ id: number }>(sql`
    with scoped as (select id from ${sql.identifier(table)} where ${scope} for no key update),
    exact as (
      select 1 where (select count(*) from scoped) = cardinality(${list}::int[])
                 and (select count(*) from scoped where id = any(${list}::int[])) = cardinality(${list}::int[])
    )
    update ${sql.identifier(table)} t set position = o.n - 1
      from unnest(${list}::int[]) with ordinality as o(id, n)
     where t.id = o.id and exists (select 1 from exact)
    returning t.id`);
  return rows.length === ids.length;
}
