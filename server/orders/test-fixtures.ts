import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts, orderEvents, orderLines, orders, payments, users } from "@/db/schema";
import { insertCategory, insertProduct } from "../catalog/test-fixtures";
import { stockOf } from "../checkout/checkout-test-fixtures";
import type { OrderStatus, PaymentStatus } from "./schemas";

let sequence = 0;

export async function insertUser(db: Db, role: "shopper" | "admin" | "staff" = "shopper"): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({ email: `user-${++sequence}-${role}@shop.test`, name: `User ${sequence}`, role })
    .returning({ id: users.id });
  return row!.id;
}

/** One active product with one variant; its id is what order lines point at. */
export async function insertVariant(db: Db): Promise<{ variantId: number; slug: string }> {
  const categoryId = await insertCategory(db, { slug: `orders-category-${++sequence}` });
  const product = await insertProduct(db, { categoryId, title: "Canvas tote", variants: [{ sku: `TOTE-${sequence}`, title: "Natural", priceAmount: 1250 }] });
  return { variantId: product.variantIds[0]!, slug: product.slug };
}

export interface OrderFixture {
  variantId: number;
  userId?: string | null;
  email?: string;
  status?: OrderStatus;
  /** Two units at 12.50 plus 4.99 shipping unless told otherwise. */
  quantity?: number;
  refundedAmount?: number;
  cancelReason?: string;
  placedAt?: Date;
  events?: { type: string; detail?: string; createdAt?: Date }[];
  /** A payments row in this state, with the order's total (`paymentStatus` is the same, as the order views name it). */
  payment?: PaymentStatus;
  paymentStatus?: PaymentStatus;
}

/** An order written straight into the tables (cart, order, one line, events, payment), without going through checkout. */
export async function insertOrder(db: Db, fixture: OrderFixture): Promise<{ id: string; number: number; totalAmount: number }> {
  const userId = fixture.userId ?? null;
  const [cart] = await db.insert(carts).values({ userId, status: "ordered" }).returning({ id: carts.id });
  const quantity = fixture.quantity ?? 2;
  const subtotal = 1250 * quantity;
  const placedAt = fixture.placedAt ?? new Date();
  const [order] = await db
    .insert(orders)
    .values({
      cartId: cart!.id,
      userId,
      email: fixture.email ?? `buyer-${++sequence}@shop.test`,
      status: fixture.status ?? "pending",
      currency: "USD",
      subtotalAmount: subtotal,
      shippingAmount: 499,
      totalAmount: subtotal + 499,
      refundedAmount: fixture.refundedAmount ?? 0,
      cancelReason: fixture.cancelReason,
      cancelledAt: fixture.cancelReason || fixture.status === "cancelled" ? placedAt : undefined,
      paidAt: fixture.status === "paid" || fixture.status === "refunded" ? placedAt : undefined,
      shippingAddress: { name: "Ada Lovelace", line1: "1 Analytical Way", city: "London", postalCode: "N1 1AA", country: "GB" },
      shippingMethod: "standard",
      reservationExpiresAt: new Date(placedAt.getTime() + 15 * 60_000),
      placedAt,
    })
    .returning({ id: orders.id, number: orders.number, totalAmount: orders.totalAmount });
  const orderId = order!.id;
  await db.insert(orderLines).values({
    orderId,
    variantId: fixture.variantId,
    sku: "TOTE-NATURAL",
    productTitle: "Canvas tote",
    variantTitle: "Natural",
    unitAmount: 1250,
    quantity,
    lineAmount: subtotal,
  });
  for (const event of fixture.events ?? [{ type: "placed" }]) {
    await db.insert(orderEvents).values({ orderId, ...event });
  }
  const paymentStatus = fixture.payment ?? fixture.paymentStatus;
  if (paymentStatus) {
    await db.insert(payments).values({
      orderId,
      provider: "simulator",
      providerPaymentId: `pi_test_${orderId}`,
      amount: order!.totalAmount,
      currency: "USD",
      status: paymentStatus,
    });
  }
  return order!;
}

/** signValue reads the validated environment, which wants these even though tests hand their database over directly. */
export function setSigningEnv() {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= "postgres://localhost/unused";
}

/** On hand of a variant in one warehouse. */
export const onHandAt = async (db: Db, variantId: number, warehouseId: number) => (await stockOf(db, variantId)).levels.find((l) => l.warehouseId === warehouseId)!.onHand;

/** The stock ledger's sum for a variant in one warehouse, to compare with on hand. */
export const ledgerSumAt = async (db: Db, variantId: number, warehouseId: number) =>
  (await db.execute<{ sum: number }>(sql`select coalesce(sum(on_hand_delta), 0)::int as sum from stock_movements where variant_id = ${variantId} and warehouse_id = ${warehouseId}`))[0]!.sum;
