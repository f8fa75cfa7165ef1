import type { ReceivedEvent } from "@/server/events/schemas";
import { reconcilePayment } from "@/server/payments/reconcile-payment";
import { finishReconciliation, startReconciliation } from "@/server/payments/reconciliation-run";
import type { FunctionDefinition, Step } from "../step";
import { errorMessage, type FunctionDeps } from "./order-state";

/**
 * Every hour: asks the provider which of our payments changed since the last finished run and repairs each one that
 * drifted (a late success, a refund made in the provider's dashboard, a refund left pending), one step per payment.
 * A run with a payment it could not reconcile throws before it finishes, so the next run covers its window again.
 */
export async function runReconcilePayments({ step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps) {
  const ctx = deps.context("reconcile-payments");
  const run = await step.run("start-reconciliation", () => startReconciliation(ctx));
  const detail: string[] = [];
  const failures: string[] = [];
  let repaired = 0;
  for (const paymentIntentId of run.paymentIntentIds) {
    try {
      const result = await step.run(`reconcile-${paymentIntentId}`, async () => {
        const { orderId, repairs } = await reconcilePayment(ctx, { paymentIntentId });
        return { orderId, repairs };
      });
      if (result.repairs.length > 0) repaired += 1;
      detail.push(...result.repairs.map((repair) => `${paymentIntentId} (order ${result.orderId}): ${repair}`));
    } catch (error) {
      failures.push(`${paymentIntentId}: ${errorMessage(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`could not reconcile ${failures.length} payment(s): ${failures.join("; ")}`);
  await step.run("finish-reconciliation", async () => {
    await finishReconciliation(ctx, { id: run.id, repaired, detail });
    return null;
  });
  return { checked: run.paymentIntentIds.length, repaired };
}

export const reconcilePayments = (deps: FunctionDeps): FunctionDefinition => ({
  id: "reconcile-payments",
  trigger: { cron: "0 * * * *" },
  handler: (args) => runReconcilePayments(args, deps),
});
