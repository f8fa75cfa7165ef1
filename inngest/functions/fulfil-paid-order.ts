import { eventData, type ReceivedEvent } from "@/server/events/schemas";
import { buyShipmentLabel } from "@/server/shipping/buy-shipment-label";
import { createShipmentsForOrder } from "@/server/shipping/create-shipments-for-order";
import { getShippingSettings } from "@/server/shipping/get-shipping-settings";
import type { FunctionDefinition, Step, StepResult } from "../step";
import type { FunctionDeps } from "./order-state";

/**
 * An order was paid: its shipments are made (one per warehouse its stock came from), then each one's label is bought
 * at the service the shopper chose, one step per shipment, unless the shop turned automatic purchase off (the
 * shipments then wait as pending in the admin's queue). Every step is idempotent: a retried or redelivered run finds
 * the same shipments, and a label already bought is not bought again.
 */
export async function runFulfilPaidOrder({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<StepResult> {
  const { orderId } = eventData("shop/order.paid", event);
  const ctx = deps.context("fulfil-paid-order");
  const plan = await step.run("create-shipments", async () => ({
    shipmentIds: await createShipmentsForOrder(ctx, { orderId }),
    buyLabels: (await getShippingSettings(ctx)).autoBuyLabels,
  }));
  if (!plan.buyLabels) return { shipments: plan.shipmentIds, labels: "left for the admin" };
  const labels: StepResult[] = [];
  for (const shipmentId of plan.shipmentIds) labels.push(await step.run(`buy-label-${shipmentId}`, () => buyShipmentLabel(ctx, { shipmentId })));
  return { shipments: plan.shipmentIds, labels };
}

export const fulfilPaidOrder = (deps: FunctionDeps): FunctionDefinition => ({
  id: "fulfil-paid-order",
  trigger: { event: "shop/order.paid" },
  key: "orderId",
  handler: (args) => runFulfilPaidOrder(args, deps),
});
