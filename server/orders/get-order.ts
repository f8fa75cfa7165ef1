import type { ServiceContext } from "../context";
import { listOrderMessages } from "../notifications/list-order-messages";
import { payOptions } from "../payments/payable-order";
import { selectOrderShipments } from "../shipping/shipment-queries";
import { requireOrderAccess } from "./order-access";
import { selectOrder, selectOrderEvents, selectOrderLines } from "./order-queries";
import type { GetOrderInput, ShopperOrderView } from "./schemas";

// Namespaced events ("saga:complete-order", "sweeper:cancel-order") are the jobs' bookkeeping, for the admin page only.
const shownToShopper = (type: string) => !type.includes(":");

/**
 * One order for the shopper who placed it, or for whoever holds its signed link.
 * Anyone else is told it does not exist (never "forbidden"), so order ids cannot be probed.
 */
export async function getOrder(ctx: ServiceContext, input: GetOrderInput): Promise<ShopperOrderView> {
  const row = await selectOrder(ctx.db, input.orderId);
  const { owns } = requireOrderAccess(ctx, row, input);
  const { order } = row!;
  const [lines, events, pay, messages, shipments] = await Promise.all([
    selectOrderLines(ctx.db, order.id),
    selectOrderEvents(ctx.db, order.id),
    payOptions(ctx, { orderId: order.id, guest: !owns }),
    listOrderMessages(ctx, { orderId: order.id, audience: "shopper" }),
    selectOrderShipments(ctx.db, order.id),
  ]);
  return {
    ...order,
    ...pay,
    lines,
    messages,
    timeline: events.filter((event) => shownToShopper(event.type)),
    // A voided label's shipment lives on in its replacement; where it ships from and our label stay in the shop.
    shipments: shipments
      .filter((s) => s.status !== "cancelled")
      .map((s) => ({
        id: s.id,
        status: s.status,
        carrier: s.carrier,
        service: s.service,
        trackingCode: s.trackingCode,
        trackingUrl: s.trackingUrl,
        labelPurchasedAt: s.labelPurchasedAt,
        estimatedDeliveryAt: s.estimatedDeliveryAt,
        lines: s.lines,
        events: s.events,
      })),
  };
}
