import { withEventRequestId } from "@/server/log";
import { inngest } from "../client";
import type { Step, StepId, StepResult } from "../step";
import { appFunctionDeps, shopFunctions } from "./index";

// Only the /api/inngest route imports this: a server running its functions in-process never loads the Inngest SDK.

type InngestStep = Parameters<Parameters<typeof inngest.createFunction>[1]>[0]["step"];

/** Inngest's step object behind the narrow interface the handlers use; only the types narrow, the calls pass through. */
function narrowStep(step: InngestStep): Step {
  return {
    // Inngest types a step's result as its JSON round trip; StepResult values are their own round trip.
    run: <T extends StepResult>(id: StepId, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sendEvent: (id, events) => step.sendEvent(id, events),
    sleep: (id, ms) => step.sleep(id, ms),
    waitForEvent: (id, options) => step.waitForEvent(id, options),
  };
}

/** The same definitions as Inngest functions (same ids and step ids), served at /api/inngest when a server is configured. */
export const inngestFunctions = shopFunctions(appFunctionDeps).map((fn) =>
  inngest.createFunction(
    {
      id: fn.id,
      triggers: [fn.trigger],
      // One run per key value for 24 hours: a second shop/order.placed for the same order starts nothing.
      ...(fn.key && { idempotency: `event.data.${fn.key}` }),
      ...(fn.batch && { batchEvents: fn.batch }),
    },
    ({ event, events, step }) => withEventRequestId(event, () => fn.handler({ event, events, step: narrowStep(step) })),
  ),
);
