import { eventData, type ReceivedEvent } from "@/server/events/schemas";
import { planSimulatedTracking, postSimulatedTracking } from "@/server/shipping/simulated-tracking";
import type { FunctionDefinition, Step, StepResult } from "../step";
import type { FunctionDeps } from "./order-state";

/**
 * A label was bought: when the carrier is the simulator and CARRIER_SIMULATOR_TRACKING asks for it, the parcel's
 * scripted tracking is posted to our own webhook route, each event at its (compressed) carrier time, with the
 * duplicates and the out-of-order delivery of a real carrier. Otherwise nothing: a real carrier sends its own.
 */
export async function runSimulateTracking({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<StepResult> {
  const { shipmentId } = eventData("shop/label.purchased", event);
  const ctx = deps.context("simulate-tracking");
  const plan = await step.run("plan", async () => (await planSimulatedTracking(ctx, { shipmentId })) ?? []);
  const answers: number[] = [];
  for (const [i, delivery] of plan.entries()) {
    if (delivery.waitMs > 0) await step.sleep(`wait-${i}`, delivery.waitMs);
    answers.push(await step.run(`post-${i}`, () => postSimulatedTracking(delivery)));
  }
  return { shipmentId, posted: answers };
}

export const simulateTracking = (deps: FunctionDeps): FunctionDefinition => ({
  id: "simulate-tracking",
  trigger: { event: "shop/label.purchased" },
  key: "shipmentId",
  handler: (args) => runSimulateTracking(args, deps),
});
