import { eventData } from "@/server/events/schemas";
import { queueBackInStock } from "@/server/notifications/queue-back-in-stock";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/** A sold-out variant is available again: one email to each shopper waiting for it, queued in the ledger. */
export const notifyBackInStock = (deps: FunctionDeps): FunctionDefinition => ({
  id: "notify-back-in-stock",
  trigger: { event: "shop/variant.back-in-stock" },
  handler: ({ event, step }) => {
    const { variantId } = eventData("shop/variant.back-in-stock", event);
    return step.run("queue-back-in-stock", () => queueBackInStock(deps.context("notify-back-in-stock"), { variantId }));
  },
});
