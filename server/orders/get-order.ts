import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { tokenOpensOrder } from "./order-link";
import { selectOrder, selectOrderEvents, selectOrderLines } from "./order-queries";
import type { GetOrderInput, OrderView } from "./schemas";

// Namespaced events ("saga:complete-order", "sweeper:cancel-order") are the jobs' bookkeeping, for the admin page only.
const shownToShopper = (type: string) => !type.includes(":");

/**
 * One order for the shopper who placed it, or for whoever holds its signed link.
 * Anyone else is told it does not exist (never "forbidden"), so order ids cannot be probed.
 */
export async function getOrder(ctx: ServiceContext, input: GetOrderInput): Promise<OrderView> {
  const row = await selectOrder(ctx.db, input.orderId);
  if (!row || !(ownsOrder(ctx, row.userId) || tokenOpensOrder(input.accessToken, input.orderId))) throw notFound("Order");
  const { order } = row;
  const [lines, events] = await Promise.all([selectOrderLines(ctx.db, order.id), selectOrderEvents(ctx.db, order.id)]);
  return { ...order, lines, timeline: events.filter((event) => shownToShopper(event.type)) };
}

function ownsOrder(ctx: ServiceContext, userId: string | null): boolean {
  const { actor } = ctx;
  return userId !== null && (actor.type === "shopper" || actor.type === "admin") && actor.userId === userId;
}
