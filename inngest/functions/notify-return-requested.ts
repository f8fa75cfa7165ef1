import { eventData } from "@/server/events/schemas";
import { orderEmailFunction } from "./queue-order-email-step";

/** The shopper asked to return items: they hear the request arrived. One email per return. */
export const notifyReturnRequested = orderEmailFunction("notify-return-requested", "shop/return.requested", "return-requested", (event) => eventData("shop/return.requested", event).returnId);
