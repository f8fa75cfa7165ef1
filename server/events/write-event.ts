import { sql, type SQL } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { ServiceContext } from "../context";
import { currentRequestId } from "../log";
import { parseShopEvent, type ShopEvent } from "./schemas";

/** The channel the relay listens on; a notification is delivered only when the transaction that sent it commits. */
export const OUTBOX_CHANNEL = "emporium_outbox";

export interface AnnounceOptions {
  /** Names the fact (`order-paid-<id>`): a second announcement of it writes nothing. */
  key?: string;
  /** A condition on the rest of the statement (its other CTEs): the event is written only when it holds. */
  when?: SQL;
}

/**
 * One statement that writes `event` to the outbox and wakes the relay, after `change` (data-modifying CTEs written
 * `name as (…), `), so the event exists exactly when the change does without a transaction of its own. `select`, the
 * statement's last part, reads back what it needs and must name `woken` for the relay to be woken. Written during a
 * request (or a run its event started), the row keeps the request's id.
 */
export function withAnnouncement(event: Omit<ShopEvent, "id">, options: AnnounceOptions & { change?: SQL; select: SQL }): SQL {
  const { name, data } = parseShopEvent(event);
  return sql`
    with ${options.change ?? sql``}
    written as (
      insert into ${outbox} (name, data, dedupe_key, request_id)
      select ${name}, ${JSON.stringify(data)}::jsonb, ${options.key ?? null}, ${currentRequestId() ?? null} where ${options.when ?? sql`true`}
      on conflict do nothing returning 1
    ),
    woken as (select pg_notify(${OUTBOX_CHANNEL}, '') from written)
    ${options.select}`;
}

/**
 * Announces that something happened: a row in the outbox, written in the caller's transaction so the event exists
 * exactly when the change does. The relay in inngest/ sends the row after commit under the row's id.
 */
export async function writeEvent(ctx: ServiceContext, event: Omit<ShopEvent, "id">, options: { key?: string } = {}): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`writeEvent(${event.name}) outside a transaction: the event must commit with its change`);
  await ctx.db.execute(withAnnouncement(event, { ...options, select: sql`select count(*) from woken` }));
}
