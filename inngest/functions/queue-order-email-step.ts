import { eventData, type ReceivedEvent, type ShopEventData, type ShopEventName } from "@/server/events/schemas";
import { queueOrderEmail } from "@/server/notifications/queue-order-email";
import type { OrderEmailKind } from "@/server/notifications/schemas";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/** The events whose data names an order. */
type OrderEvent = { [N in ShopEventName]: ShopEventData<N> extends { orderId: string } ? N : never }[ShopEventName];

/**
 * A function that answers an order event with one email: a single step queues it in the ledger (or records it skipped).
 * The ledger's key, not the run, keeps it to one message per order, so a redelivered event or a retried step is harmless.
 */
export function orderEmailFunction(id: string, event: OrderEvent, kind: OrderEmailKind, subjectOf?: (event: ReceivedEvent) => string) {
  return (deps: FunctionDeps): FunctionDefinition => ({
    id,
    trigger: { event },
    handler: ({ event: received, step }) => {
      const { orderId } = eventData(event, received);
      return step.run(`queue-${kind}`, () => queueOrderEmail(deps.context(id), { kind, orderId, subjectId: subjectOf?.(received) }));
    },
  });
}
