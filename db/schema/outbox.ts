import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The transactional outbox: every shop event is a row written in the transaction that caused it. The relay sends
 * undelivered rows with the row id as the event id (so a re-send is dropped downstream) and stamps `delivered_at`.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Send order; uuids carry none.
    seq: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    // The same fact announced twice (a retried step, two paths reaching one outcome) is one row.
    dedupeKey: text("dedupe_key"),
    attempts: integer().notNull().default(0),
    lastError: text("last_error"),
    // The request that wrote the event; the relay hands it on in the event data, so the runs it starts log under it.
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_undelivered_idx").on(t.seq).where(sql`${t.deliveredAt} IS NULL`),
  ],
);
