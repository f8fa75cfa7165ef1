import { eventData } from "@/server/events/schemas";
import { orderEmailFunction } from "./queue-order-email-step";

/** The shop turned the return down: the shopper hears why. One email per return. */
export const notifyReturnRejected = orderEmailFunction("notify-return-rejected", "shop/return.rejected", "return-rejected", (event) => eventData("shop/return.rejected", event).returnId);
