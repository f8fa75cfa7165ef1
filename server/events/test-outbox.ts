import { asc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";

/** The events written to the outbox, oldest first: all of them, or those whose data names this order. */
export async function outboxEvents(db: Db, orderId?: string): Promise<{ name: string; data: Record<string, unknown> }[]> {
  return db
    .select({ name: outbox.name, data: outbox.data })
    .from(outbox)
    .where(orderId ? sql`${outbox.data}->>'orderId' = ${orderId}` : undefined)
    .orderBy(asc(outbox.seq));
}
