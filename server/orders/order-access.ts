import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { tokenOpensOrder } from "./order-link";

/** The signed-in caller placed this order (an admin shopping for themselves counts as its shopper). */
export function actorPlacedOrder(ctx: ServiceContext, userId: string | null): boolean {
  const { actor } = ctx;
  return userId !== null && (actor.type === "shopper" || actor.type === "admin") && actor.userId === userId;
}

/**
 * Lets through the shopper who placed the order and whoever holds its signed link; anyone else is told it does not
 * exist (never "forbidden"), so order ids cannot be probed. Answers whether the caller came as the order's shopper.
 */
export function requireOrderAccess(ctx: ServiceContext, order: { userId: string | null } | undefined, input: { orderId: string; accessToken?: string }): { owns: boolean } {
  const owns = order !== undefined && actorPlacedOrder(ctx, order.userId);
  if (!order || !(owns || tokenOpensOrder(input.accessToken, input.orderId))) throw notFound("Order");
  return { owns };
}
