import { and, eq } from "drizzle-orm";
import type { RenderedEmail } from "@/emails";
import { renderEmail } from "./render-email";
import { shippingNotices } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { orderPagePath } from "../orders/order-link";
import { selectOrder, selectOrderLines } from "../orders/order-queries";
import type { ShippingMilestone } from "./short-messages";
import { absoluteUrl, shopIdentity } from "./shop-identity";
import { unsubscribeUrlFor } from "./unsubscribe-link";

/** What the milestone's event said, for a message of `kind` about shipment `subjectId`. */
export async function selectShippingNotice(ctx: ServiceContext, row: { kind: ShippingMilestone; subjectId: string }) {
  const [notice] = await ctx.db
    .select()
    .from(shippingNotices)
    .where(and(eq(shippingNotices.shipmentId, row.subjectId), eq(shippingNotices.kind, row.kind)));
  if (!notice) throw notFound("Shipping notice");
  return notice;
}

/**
 * The email of a shipping milestone: the carrier's tracking as the event gave it, the order's lines and address where
 * the template shows them, and the one-click unsubscribe link the send step also puts in the List-Unsubscribe header.
 */
export async function renderShippingEmail(ctx: ServiceContext, row: { kind: ShippingMilestone; subjectId: string; recipient: string }): Promise<RenderedEmail> {
  const notice = await selectShippingNotice(ctx, row);
  const found = await selectOrder(ctx.db, notice.orderId);
  if (!found) throw notFound("Order");
  const { order } = found;
  const base = { shop: shopIdentity(), customerName: order.shippingAddress.name, orderNumber: order.number, orderUrl: absoluteUrl(orderPagePath(order.id)) };
  const tracking = { carrier: notice.carrier, trackingNumber: notice.trackingCode, trackingUrl: notice.trackingUrl };
  const unsubscribeUrl = (await unsubscribeUrlFor(ctx, row)) ?? undefined;
  switch (row.kind) {
    case "shipped": {
      const lines = await selectOrderLines(ctx.db, order.id);
      return renderEmail("shipped", {
        ...base,
        ...tracking,
        lines: lines.map(({ sku, productTitle, variantTitle, quantity }) => ({ sku, productTitle, variantTitle, quantity })),
        shippingAddress: order.shippingAddress,
        estimatedDelivery: notice.estimatedDeliveryAt?.toISOString(),
        unsubscribeUrl,
      });
    }
    case "out-for-delivery":
      return renderEmail("out-for-delivery", { ...base, ...tracking, unsubscribeUrl });
    case "delivered":
      return renderEmail("delivered", { ...base, carrier: notice.carrier, deliveredAt: notice.occurredAt.toISOString(), unsubscribeUrl });
    case "delivery-problem":
      return renderEmail("delivery-problem", { ...base, ...tracking, problem: notice.detail ?? "The carrier reported a problem with the delivery.", unsubscribeUrl });
  }
}
