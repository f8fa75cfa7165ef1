import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { stockAlerts, users } from "@/db/schema";
import { findVariantStock } from "../cart/variant-stock";
import { withTransaction, type ServiceContext } from "../context";
import { queueNotifications, type QueuedNotification } from "./queue-notifications";

/**
 * The consumer's side of shop/variant.back-in-stock: one back-in-stock email per waiting request, keyed in the ledger by
 * the request, which is stamped notified in the same transaction so a later return does not tell it again. When the
 * variant sold out again before this ran, nothing is queued and the requests keep waiting for the next return.
 */
export async function queueBackInStock(ctx: ServiceContext, input: { variantId: number }): Promise<QueuedNotification[]> {
  return withTransaction(ctx, async (tx) => {
    const variant = await findVariantStock(tx, input.variantId);
    if (!variant?.active || variant.available <= 0) return [];
    // Locked, so a second run for the same return waits here and then finds them stamped.
    const waiting = await tx.db
      .select({ id: stockAlerts.id, recipient: sql<string>`coalesce(${stockAlerts.email}, ${users.email})` })
      .from(stockAlerts)
      .leftJoin(users, eq(users.id, stockAlerts.userId))
      .where(and(eq(stockAlerts.variantId, input.variantId), isNull(stockAlerts.notifiedAt)))
      .orderBy(stockAlerts.createdAt)
      .for("update", { of: stockAlerts });
    const queued: QueuedNotification[] = [];
    for (const alert of waiting) {
      queued.push(...(await queueNotifications(tx, { kind: "back-in-stock", subjectId: alert.id, recipients: [alert.recipient] })));
    }
    if (waiting.length > 0) {
      await tx.db.update(stockAlerts).set({ notifiedAt: sql`now()` }).where(inArray(stockAlerts.id, waiting.map((a) => a.id)));
    }
    return queued;
  });
}
