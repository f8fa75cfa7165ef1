import { and, eq, sql } from "drizzle-orm";
import { orderEvents, payments } from "@/db/schema";
import type { ServiceContext } from "../context";

/**
 * Marks a payment for an admin to look at, with the reason on the order's timeline; its status stays as it was. The
 * same reason twice is one flag. Call inside the transaction that found the problem.
 */
export async function flagPayment(ctx: ServiceContext, input: { paymentId: string; orderId: string; reason: string }): Promise<boolean> {
  const [flagged] = await ctx.db
    .update(payments)
    .set({ flaggedReason: input.reason, flaggedAt: sql`now()` })
    .where(and(eq(payments.id, input.paymentId), sql`${payments.flaggedReason} is distinct from ${input.reason}`))
    .returning({ id: payments.id });
  if (!flagged) return false;
  await ctx.db.insert(orderEvents).values({ orderId: input.orderId, type: "payment_flagged", detail: input.reason });
  return true;
}
