import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { OUTBOX_CHANNEL } from "@/server/events/write-event";
import { parseShopEvent, type ShopEvent } from "@/server/events/schemas";
import { log, outsideRequest } from "@/server/log";

/** Sends events to Inngest or the in-process runner; both drop an id they have seen. */
export type SendEvents = (events: ShopEvent[]) => Promise<unknown>;

type OutboxRow = { id: string; name: string; data: Record<string, unknown>; request_id: string | null };

/** The row as its event, under the row's id, with the id of the request that wrote it in its data. */
function rowEvent(row: OutboxRow): ShopEvent {
  const data = row.request_id ? { ...row.data, requestId: row.request_id } : row.data;
  return { ...parseShopEvent({ name: row.name, data }), id: row.id };
}

/**
 * Sends one batch of undelivered outbox rows, oldest first, under their row ids, and marks them delivered. The rows stay
 * locked until then (SKIP LOCKED lets other relays take the next rows), so no two relays send the same row; a relay that
 * dies after sending and before committing leaves them to be sent again under the same ids, which the receiver drops.
 */
export async function relayOutboxBatch(db: Db, send: SendEvents, limit = 200): Promise<number> {
  const outcome = await db.transaction(async (tx) => {
    const rows = await tx.execute<OutboxRow>(sql`
      select id, name, data, request_id from outbox where delivered_at is null order by seq limit ${limit} for update skip locked`);
    const ids = rows.map((row) => row.id);
    try {
      if (rows.length > 0) await send(rows.map(rowEvent));
    } catch (error) {
      const requestIds = [...new Set(rows.flatMap((row) => row.request_id ?? []))];
      log().error({ err: error, eventIds: ids, requestIds }, "outbox relay: sending events failed; they stay undelivered for the next drain");
      // Kept for the next drain; the attempt and its error stay visible on the rows.
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await tx.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, lastError: message }).where(inArray(outbox.id, ids));
      return { error };
    }
    if (rows.length > 0) await tx.update(outbox).set({ deliveredAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` }).where(inArray(outbox.id, ids));
    return { sent: rows.length };
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.sent;
}

/** Sends batches until none is left; returns how many rows it sent. */
export async function drainOutbox(db: Db, send: SendEvents, limit?: number): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await relayOutboxBatch(db, send, limit);
    if (sent === 0) return total;
    total += sent;
  }
}

export interface OutboxRelay {
  /** Drains now; resolves when the drain it started (or joined) is over. */
  wake(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the relay in this process: a drain as soon as a transaction that wrote events commits (LISTEN on the outbox
 * channel), and a sweep every `sweepMs` for rows a crash or a lost notification left behind. Every app instance runs
 * one; SKIP LOCKED shares the rows between them.
 */
export async function startOutboxRelay(db: Db, send: SendEvents, options: { sweepMs?: number; onError?: (error: unknown) => void } = {}): Promise<OutboxRelay> {
  const onError = options.onError ?? ((error) => log().error({ err: error }, "outbox relay: drain failed"));
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const drain = async () => {
    do {
      again = false;
      await drainOutbox(db, send).catch(onError);
    } while (again && !stopped);
  };
  const wake = () => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
    });
    return running;
  };

  // A notification arrives on a connection a request may have opened: its drain must not log under that request's id.
  const listener = await db.$client.listen(OUTBOX_CHANNEL, () => outsideRequest(() => void wake()));
  const timer = setInterval(() => void wake(), options.sweepMs ?? 5_000);
  timer.unref();
  void wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener.unlisten();
      await running;
    },
  };
}
