import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { systemContext, withTransaction } from "@/server/context";
import type { ShopEvent } from "@/server/events/schemas";
import { writeEvent } from "@/server/events/write-event";
import { useTestDatabase } from "@/test/db";
import { drainOutbox, startOutboxRelay } from "./relay";

const t = useTestDatabase({ max: 4 });
let second: Db;

beforeAll(() => {
  second = createDb(t.url, { max: 4 });
});
afterAll(() => second.$client.end());

async function insertEvents(count: number) {
  await t.db.execute(sql`
    insert into outbox (name, data)
    select 'shop/order.placed', jsonb_build_object('orderId', gen_random_uuid()) from generate_series(1, ${count})`);
}

const undelivered = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where delivered_at is null`))[0]!.n;

/** A receiver that counts every event id it is handed, and which relay handed it. */
function receiver() {
  const seen = new Map<string, number>();
  const byRelay = [0, 0];
  const sendFor = (relay: number) => async (events: ShopEvent[]) => {
    for (const event of events) seen.set(event.id!, (seen.get(event.id!) ?? 0) + 1);
    byRelay[relay]! += events.length;
  };
  return { seen, byRelay, sendFor };
}

describe("outbox relay", () => {
  it("two relays draining 10,000 rows at once deliver every row exactly once, under its row id", async () => {
    await insertEvents(10_000);
    const r = receiver();

    await Promise.all([drainOutbox(t.db, r.sendFor(0), 100), drainOutbox(second, r.sendFor(1), 100)]);

    const ids = (await t.db.execute<{ id: string }>(sql`select id from outbox`)).map((row) => row.id);
    expect(ids).toHaveLength(10_000);
    expect([...r.seen.keys()].sort()).toEqual(ids.sort());
    expect([...r.seen.values()].every((count) => count === 1)).toBe(true);
    expect(r.byRelay.every((share) => share > 0)).toBe(true);
    expect(await undelivered()).toBe(0);
  });

  it("keeps a batch whose send failed, with the attempt and error on its rows, and sends it on the next drain under the same ids", async () => {
    await insertEvents(3);
    const failing = async () => {
      throw new Error("Inngest unreachable");
    };
    await expect(drainOutbox(t.db, failing)).rejects.toThrow("Inngest unreachable");
    const [kept] = await t.db.execute<{ n: number; error: string; attempts: number }>(sql`
      select count(*)::int as n, min(last_error) as error, min(attempts) as attempts from outbox where delivered_at is null`);
    expect(kept).toEqual({ n: 3, error: "Inngest unreachable", attempts: 1 });

    const r = receiver();
    expect(await drainOutbox(t.db, r.sendFor(0))).toBe(3);
    expect(r.seen.size).toBe(3);
    expect(await undelivered()).toBe(0);
  });

  it("wakes as soon as a transaction that wrote an event commits, and not before", async () => {
    const r = receiver();
    const relay = await startOutboxRelay(t.db, r.sendFor(0), { sweepMs: 60_000 });
    await relay.wake();
    const orderId = randomUUID();
    let sentBeforeCommit = -1;
    await withTransaction(systemContext(t.db, "test"), async (tx) => {
      await writeEvent(tx, { name: "shop/order.placed", data: { orderId } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      sentBeforeCommit = r.seen.size;
    });
    await expect.poll(() => r.seen.size, { timeout: 5_000 }).toBe(1);
    await relay.stop();
    expect(sentBeforeCommit).toBe(0);
  });
});
