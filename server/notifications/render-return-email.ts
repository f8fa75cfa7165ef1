import { eq } from "drizzle-orm";
import type { RenderedEmail, ReturnStep } from "@/emails";
import { returns } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { orderAccessToken, orderPagePath } from "../orders/order-link";
import { selectOrder } from "../orders/order-queries";
import { selectOrderReturns } from "../returns/return-queries";
import { renderEmail } from "./render-email";
import type { ReturnEmailKind } from "./return-email-kinds";
import { absoluteUrl, shopIdentity } from "./shop-identity";

/** The email of one step of a return, as the return reads now; the approved one links the label through the order's signed link. */
export async function renderReturnEmail(ctx: ServiceContext, input: { kind: ReturnEmailKind; returnId: string }): Promise<RenderedEmail> {
  const [row] = await ctx.db.select({ orderId: returns.orderId }).from(returns).where(eq(returns.id, input.returnId));
  if (!row) throw notFound("Return");
  const [found, orderReturns] = await Promise.all([selectOrder(ctx.db, row.orderId), selectOrderReturns(ctx.db, row.orderId)]);
  const ret = orderReturns.find((r) => r.id === input.returnId);
  if (!found || !ret) throw notFound("Return");
  const { order } = found;
  const step = input.kind.slice("return-".length) as ReturnStep;
  const labelPath = `/api/orders/${order.id}/returns/${ret.id}/label?token=${encodeURIComponent(orderAccessToken(order.id))}`;
  return renderEmail("return-update", {
    shop: shopIdentity(),
    step,
    customerName: order.shippingAddress.name,
    orderNumber: order.number,
    lines: ret.lines.map(({ productTitle, variantTitle, quantity }) => ({ productTitle, variantTitle, quantity })),
    refundAmount: ret.refundAmount,
    currency: ret.currency,
    orderUrl: absoluteUrl(orderPagePath(order.id)),
    label: step === "approved" && ret.hasLabel && ret.trackingCode ? { url: absoluteUrl(labelPath), carrier: ret.carrier ?? "the carrier", trackingNumber: ret.trackingCode } : undefined,
    rejectionReason: ret.rejectionReason ?? undefined,
  });
}
