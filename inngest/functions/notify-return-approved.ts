import { eventData } from "@/server/events/schemas";
import { orderEmailFunction } from "./queue-order-email-step";

/** The return was approved and its label issued: the shopper gets the label to print. One email per return. */
export const notifyReturnApproved = orderEmailFunction("notify-return-approved", "shop/return.approved", "return-approved", (event) => eventData("shop/return.approved", event).returnId);
