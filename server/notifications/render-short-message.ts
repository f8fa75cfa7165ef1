import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { selectOrder } from "../orders/order-queries";
import { selectShippingNotice } from "./render-shipping-email";
import { isShippingMilestone, pushPayload, smsText, type ShortMessageContent } from "./short-messages";
import { absoluteUrl, shopIdentity } from "./shop-identity";

/**
 * The SMS or push of a queued message, from its kind and the order of the shipment it is about. Only account holders get these, so the
 * link is the order's plain page (they sign in to open it), short enough for a text.
 */
export async function renderShortMessage(ctx: ServiceContext, row: { kind: string; subjectId: string; channel: "sms" | "push" }): Promise<ShortMessageContent> {
  if (!isShippingMilestone(row.kind)) throw new Error(`no ${row.channel} message for notification kind ${row.kind}`);
  const notice = await selectShippingNotice(ctx, { kind: row.kind, subjectId: row.subjectId });
  const found = await selectOrder(ctx.db, notice.orderId);
  if (!found) throw notFound("Order");
  const facts = { shopName: shopIdentity().name, orderNumber: found.order.number, url: absoluteUrl(`/orders/${found.order.id}`) };
  return row.channel === "sms" ? { channel: "sms", text: smsText(row.kind, facts) } : { channel: "push", payload: pushPayload(row.kind, facts) };
}
