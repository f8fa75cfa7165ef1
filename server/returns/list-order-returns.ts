import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { requireOrderAccess } from "../orders/order-access";
import { selectOrderReturns, selectReturnableLines, type OrderReturn } from "./return-queries";
import type { OrderReturnsInput } from "./schemas";

/** An order line the shopper may still send back: units delivered in the window and not yet in a return. */
export interface ReturnableLine {
  orderLineId: number;
  productTitle: string;
  variantTitle: string;
  unitAmount: number;
  quantity: number;
  /** The end of the window for the earliest of those units. */
  returnBy: Date;
}

export interface OrderReturnsView {
  currency: string;
  /** Empty when nothing can be returned (nothing delivered, everything returned, the window closed, the order refunded). */
  returnable: ReturnableLine[];
  returns: OrderReturn[];
}

async function orderReturns(ctx: ServiceContext, orderId: string, order: { status: string; currency: string }): Promise<OrderReturnsView> {
  const [lines, returns] = await Promise.all([order.status === "paid" ? selectReturnableLines(ctx.db, orderId) : [], selectOrderReturns(ctx.db, orderId)]);
  const returnable = new Map<number, ReturnableLine>();
  for (const l of lines) {
    if (!l.withinWindow || l.shipped <= l.returned) continue;
    const known = returnable.get(l.orderLineId);
    if (known) {
      known.quantity += l.shipped - l.returned;
      if (l.returnBy < known.returnBy) known.returnBy = l.returnBy;
    } else {
      const { orderLineId, productTitle, variantTitle, unitAmount, returnBy } = l;
      returnable.set(orderLineId, { orderLineId, productTitle, variantTitle, unitAmount, quantity: l.shipped - l.returned, returnBy });
    }
  }
  return { currency: order.currency, returnable: [...returnable.values()], returns };
}

const selectOrder = (ctx: ServiceContext, orderId: string) =>
  ctx.db
    .select({ userId: orders.userId, status: orders.status, currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId))
    .then((rows) => rows[0]);

/** The returns of an order and what may still be returned, for its shopper or whoever holds its signed link. */
export async function listOrderReturns(ctx: ServiceContext, input: OrderReturnsInput): Promise<OrderReturnsView> {
  const order = await selectOrder(ctx, input.orderId);
  requireOrderAccess(ctx, order, input);
  return orderReturns(ctx, input.orderId, order!);
}

export async function adminListOrderReturns(ctx: ServiceContext, input: { orderId: string }): Promise<OrderReturnsView> {
  requireAdmin(ctx);
  const order = await selectOrder(ctx, input.orderId);
  if (!order) throw notFound("Order");
  return orderReturns(ctx, input.orderId, order);
}
