import { sql } from "drizzle-orm";
import { createDb } from "../db/client";
import { drainOutbox } from "../inngest/relay";
import { databaseCpuMs } from "./checkout-cpu";

/**
 * Outbox relay throughput: `rows` undelivered events drained by `relays` relays at once, each on its own connection
 * pool as separate app instances would be, into a receiver that only counts (so the figure is the relay's own cost).
 */
export async function measureRelay(url: string, options: { rows: number; relays: number; databasePids: number[] }) {
  const pools = Array.from({ length: options.relays }, () => createDb(url, { max: 2 }));
  try {
    const [db] = pools;
    await db!.execute(sql`update outbox set delivered_at = now() where delivered_at is null`);
    await db!.execute(sql`
      insert into outbox (name, data)
      select 'shop/order.placed', jsonb_build_object('orderId', gen_random_uuid()) from generate_series(1, ${options.rows})`);
    const seen = new Set<string>();
    const databaseBefore = databaseCpuMs(options.databasePids);
    const started = performance.now();
    await Promise.all(pools.map((pool) => drainOutbox(pool, async (events) => events.forEach((event) => seen.add(event.id!)))));
    const seconds = (performance.now() - started) / 1000;
    const databaseCpu = databaseCpuMs(options.databasePids) - databaseBefore;
    if (seen.size !== options.rows) throw new Error(`relay delivered ${seen.size} distinct events of ${options.rows}`);
    return {
      rows: options.rows,
      relays: options.relays,
      eventsPerSecond: options.rows / seconds,
      databaseCpuMsPerEvent: options.databasePids.length > 0 ? databaseCpu / options.rows : null,
    };
  } finally {
    await Promise.all(pools.map((pool) => pool.$client.end()));
  }
}
