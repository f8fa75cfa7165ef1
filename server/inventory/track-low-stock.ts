import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";
import { writeEvent } from "../events/write-event";
import { intArray } from "./lock-stock";

/** Each variant's availability over its active warehouses, beside the threshold that applies to it. */
const judged = (variantIds: number[]) => sql`
  judged as (
    select a.variant_id, a.available, coalesce(v.low_stock_threshold, d.default_low_stock_threshold) as threshold
      from (select s.variant_id, sum(case when w.active then s.on_hand - s.reserved else 0 end) as available
              from stock_levels s join warehouses w on w.id = s.warehouse_id
             where s.variant_id = any(${intArray(variantIds)}::int[])
             group by s.variant_id) a
     cross join inventory_settings d
      left join variant_stock_settings v on v.variant_id = a.variant_id)`;

/**
 * Call after a stock write, in its transaction, with its stock rows locked. A variant whose availability is at or below
 * its threshold while its alert is armed is disarmed by one conditional upsert, so however many writes follow, each
 * crossing is announced once (shop/variant.low-stock, numbered by the crossing), and its consumer mails the admins.
 * Only a restock (the `restocked` variants: their on hand rose by hand, received, counted up, imported) that lifts it above the threshold
 * arms it again; checkout holds ending do not, so reservations coming and going around the threshold stay quiet.
 */
export async function trackLowStock(ctx: ServiceContext, variantIds: number[], options: { restocked: number[] }): Promise<void> {
  if (variantIds.length === 0) return;
  if (options.restocked.length > 0) {
    await ctx.db.execute(sql`
      with ${judged(options.restocked)}
      update variant_stock_settings vs set alert_armed = true
        from judged j
       where vs.variant_id = j.variant_id and not vs.alert_armed and j.available > j.threshold`);
  }
  const crossed = await ctx.db.execute<{ variantId: number; crossing: number }>(sql`
    with ${judged(variantIds)}
    insert into variant_stock_settings as vs (variant_id, alert_armed, alerts_sent)
    select variant_id, false, 1 from judged where available <= threshold
        on conflict (variant_id) do update set alert_armed = false, alerts_sent = vs.alerts_sent + 1 where vs.alert_armed
    returning variant_id as "variantId", alerts_sent as crossing`);
  for (const { variantId, crossing } of crossed) {
    await writeEvent(ctx, { name: "shop/variant.low-stock", data: { variantId, crossing } }, { key: `low-stock-${variantId}-${crossing}` });
  }
}
