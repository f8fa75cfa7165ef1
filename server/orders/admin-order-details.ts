import { asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderLines, orderNotes, orderRefundLines, orderRefunds, productImages, refunds, users, variants } from "@/db/schema";

export interface AdminOrderLine {
  id: number;
  variantId: number;
  /** The product's first image, when it still has one. */
  imageUrl: string | null;
  imageAlt: string;
  /** Units refunded or being refunded (failed refunds aside): what is left is quantity - refundedQuantity. */
  refundedQuantity: number;
}

export interface OrderRefundRecord {
  id: string;
  amount: number;
  reason: string | null;
  notifyCustomer: boolean;
  /** The admin who asked, by name or email; null once their account is gone. */
  by: string | null;
  restockedAt: Date | null;
  createdAt: Date;
  lines: { orderLineId: number; quantity: number; restock: boolean }[];
}

export interface OrderNoteView {
  id: number;
  body: string;
  author: string | null;
  createdAt: Date;
}

/** How an admin is named on the admin pages: their name, else their email. */
export const adminName = sql<string | null>`coalesce(${users.name}, ${users.email})`;

/** What only the admin page shows of an order: line images and refunded quantities, refunds asked from the page, notes. */
export async function selectAdminOrderDetails(db: Db | Tx, orderId: string) {
  const [lines, refundRows, refundLines, notes] = await Promise.all([
    db
      .select({
        id: orderLines.id,
        variantId: orderLines.variantId,
        imageUrl: sql<string | null>`(select i.url from ${productImages} i where i.product_id = ${variants.productId} order by i.position, i.id limit 1)`,
        imageAlt: sql<string>`coalesce((select i.alt from ${productImages} i where i.product_id = ${variants.productId} order by i.position, i.id limit 1), '')`,
        refundedQuantity: sql<number>`coalesce((select sum(rl.quantity) from ${orderRefundLines} rl join ${refunds} r on r.id = rl.refund_id
                                                  where rl.order_line_id = ${orderLines.id} and r.status <> 'failed'), 0)::int`,
      })
      .from(orderLines)
      .leftJoin(variants, eq(variants.id, orderLines.variantId))
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(orderLines.id)),
    db
      .select({
        id: orderRefunds.id,
        amount: orderRefunds.amount,
        reason: orderRefunds.reason,
        notifyCustomer: orderRefunds.notifyCustomer,
        by: adminName,
        restockedAt: orderRefunds.restockedAt,
        createdAt: orderRefunds.createdAt,
      })
      .from(orderRefunds)
      .leftJoin(users, eq(users.id, orderRefunds.actorId))
      .where(eq(orderRefunds.orderId, orderId))
      .orderBy(asc(orderRefunds.createdAt)),
    db
      .select({ refundId: orderRefundLines.refundId, orderLineId: orderRefundLines.orderLineId, quantity: orderRefundLines.quantity, restock: orderRefundLines.restock })
      .from(orderRefundLines)
      .innerJoin(orderRefunds, eq(orderRefunds.id, orderRefundLines.refundId))
      .where(eq(orderRefunds.orderId, orderId)),
    db
      .select({ id: orderNotes.id, body: orderNotes.body, author: adminName, createdAt: orderNotes.createdAt })
      .from(orderNotes)
      .leftJoin(users, eq(users.id, orderNotes.authorId))
      .where(eq(orderNotes.orderId, orderId))
      .orderBy(asc(orderNotes.id)),
  ]);
  const refundRecords: OrderRefundRecord[] = refundRows.map((r) => ({
    ...r,
    lines: refundLines.filter((l) => l.refundId === r.id).map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, restock: l.restock })),
  }));
  return { lineDetails: lines satisfies AdminOrderLine[], refundRecords, notes: notes satisfies OrderNoteView[] };
}
