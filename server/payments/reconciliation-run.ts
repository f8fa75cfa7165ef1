import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { paymentReconciliations, payments } from "@/db/schema";
import type { ServiceContext } from "../context";
import { paymentProviderFor } from "./payment-provider-for";

/** Each window reaches back a little into the last one, for events the provider stamped just before that run's end. */
const OVERLAP_MS = 10 * 60_000;
/** The first run looks as far back as Stripe keeps events. */
const FIRST_WINDOW_MS = 30 * 24 * 60 * 60_000;

export type ReconciliationRun = {
  id: number;
  windowStart: string;
  windowEnd: string;
  /** Our payments whose intent or refunds changed at the provider within the window. */
  paymentIntentIds: string[];
};

/**
 * Opens a reconciliation run: the window starts where the last finished run's ended (a run that failed moves nothing,
 * so the next one covers its window again) and ends now; asks the provider which intents changed in it, keeps ours.
 */
export async function startReconciliation(ctx: ServiceContext, input: { now?: Date } = {}): Promise<ReconciliationRun> {
  const provider = paymentProviderFor(ctx);
  const windowEnd = input.now ?? new Date();
  const [last] = await ctx.db
    .select({ windowEnd: paymentReconciliations.windowEnd })
    .from(paymentReconciliations)
    .where(and(eq(paymentReconciliations.provider, provider.name), isNotNull(paymentReconciliations.finishedAt)))
    .orderBy(desc(paymentReconciliations.windowEnd))
    .limit(1);
  const windowStart = new Date(last ? last.windowEnd.getTime() - OVERLAP_MS : windowEnd.getTime() - FIRST_WINDOW_MS);

  const changed = await provider.listChangedPaymentIntents(windowStart);
  const ours =
    changed.length === 0
      ? []
      : await ctx.db
          .select({ id: payments.providerPaymentId })
          .from(payments)
          .where(and(eq(payments.provider, provider.name), inArray(payments.providerPaymentId, changed)));
  const paymentIntentIds = ours.map((p) => p.id).sort();
  const [run] = await ctx.db
    .insert(paymentReconciliations)
    .values({ provider: provider.name, windowStart, windowEnd, checked: paymentIntentIds.length })
    .returning({ id: paymentReconciliations.id });
  return { id: run!.id, windowStart: windowStart.toISOString(), windowEnd: windowEnd.toISOString(), paymentIntentIds };
}

/** Closes a run with what it repaired; only finished runs move the next window forward. */
export async function finishReconciliation(ctx: ServiceContext, input: { id: number; repaired: number; detail: string[] }): Promise<void> {
  await ctx.db
    .update(paymentReconciliations)
    .set({ repaired: input.repaired, detail: input.detail, finishedAt: sql`now()` })
    .where(eq(paymentReconciliations.id, input.id));
}
