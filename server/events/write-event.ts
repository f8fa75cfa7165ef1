import { sql } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { ServiceContext } from "../context";
import { parseShopEvent, type ShopEvent } from "./schemas";

/** The channel the relay listens on; a notification is delivered only when the transaction that sent it commits. */
export const OUTBOX_CHANNEL = "emporium_outbox";

/**
 * Announces that something happened: a row in the outbox, written in the caller's transaction so the event exists
 * exactly when the change does. `key` names the fact (`order-paid-<id>`): a second announcement of it writes nothing.
 * The relay in inngest/ sends the row after commit under the row's id.
 */
export async function writeEvent(ctx: ServiceContext, event: Omit<ShopEvent, "id">, options: { key?: string } = {}): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`writeEvent(${event.name}) outside a transaction: the event must commit with its change`);
  const { name, data } = parseShopEvent(event);
  await ctx.db.execute(sql`
    with written as (
      insert into ${outbox} (name, data, dedupe_key) values (${name}, ${JSON.stringify(data)}::jsonb, ${options.key ?? null})
      on conflict do nothing returning 1
    )
    select pg_notify(${OUTBOX_CHANNEL}, '') from written`);
}
