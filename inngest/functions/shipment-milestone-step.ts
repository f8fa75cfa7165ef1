import { eventData, type ShopEventName } from "@/server/events/schemas";
import { queueShippingMilestone } from "@/server/notifications/queue-shipping-milestone";
import type { ShippingMilestone } from "@/server/notifications/short-messages";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

type ShipmentEvent = Extract<ShopEventName, `shop/shipment.${string}`>;

/**
 * A function that answers a shipment milestone with its messages (email, and SMS and push for the shoppers who take
 * them): one step queues them in the ledger, whose key keeps each to one message however often the event arrives.
 */
export function shipmentMilestoneFunction(id: string, event: ShipmentEvent, kind: ShippingMilestone) {
  return (deps: FunctionDeps): FunctionDefinition => ({
    id,
    trigger: { event },
    handler: ({ event: received, step }) => {
      const data = eventData(event, received);
      return step.run(`queue-${kind}`, () => queueShippingMilestone(deps.context(id), { kind, event: data }));
    },
  });
}
