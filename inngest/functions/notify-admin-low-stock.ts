import { eventData } from "@/server/events/schemas";
import { queueLowStockAlert } from "@/server/inventory/queue-low-stock-alert";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/** A variant fell to its low-stock threshold: the admins' alert, queued in the ledger once per crossing. */
export const notifyAdminLowStock = (deps: FunctionDeps): FunctionDefinition => ({
  id: "notify-admin-low-stock",
  trigger: { event: "shop/variant.low-stock" },
  handler: ({ event, step }) => {
    const data = eventData("shop/variant.low-stock", event);
    return step.run("queue-low-stock-alert", () => queueLowStockAlert(deps.context("notify-admin-low-stock"), data));
  },
});
