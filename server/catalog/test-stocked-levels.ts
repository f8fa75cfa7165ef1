import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Products whose stocked_levels differs from a recount of their stock rows in active warehouses (none when the triggers hold). */
export async function stockedLevelsDrift(db: Db): Promise<unknown[]> {
  return db.execute(sql`
    select p.id, p.stocked_levels, coalesce(s.n, 0) as recount from products p
      left join (select v.product_id, count(*)::int as n from stock_levels sl join warehouses w on w.id = sl.warehouse_id and w.active
                   join variants v on v.id = sl.variant_id where sl.on_hand - sl.reserved > 0 group by v.product_id) s on s.product_id = p.id
     where p.stocked_levels <> coalesce(s.n, 0)`);
}
