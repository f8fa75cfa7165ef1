import { eventData } from "@/server/events/schemas";
import { orderEmailFunction } from "./queue-order-email-step";

/** The returned items arrived: the shopper hears their refund is under way. One email per return. */
export const notifyReturnReceived = orderEmailFunction("notify-return-received", "shop/return.received", "return-received", (event) => eventData("shop/return.received", event).returnId);
