import { ReplayedRun, type MemoEntry, type StepExecutor } from "./replay";
import type { Step } from "./step";

/** Performs each new step with a plain `Step` (a scripted one, say), ignoring aborts. */
export function stepExecutor(step: Step): StepExecutor {
  return (id, call) => {
    switch (call.op) {
      case "run":
        return step.run(id, call.fn);
      case "sendEvent":
        return step.sendEvent(id, call.events);
      case "sleep":
        return step.sleep(id, call.ms);
      case "waitForEvent":
        return step.waitForEvent(id, call.options);
    }
  };
}

export interface Replayed<T> {
  output?: T;
  /** What the last invocation threw, when it threw. */
  error?: unknown;
  /** How often the handler was called: once, plus once per step performed (steps finishing together share one). */
  invocations: number;
  /** Memo keys in the order `inner` performed them (`id`, then `id:1`, `id:2` for repeats): a key appears once. */
  performed: string[];
  memo: Map<string, MemoEntry>;
}

/**
 * Runs a handler the way Inngest does, without a runner: each step not yet memoised is performed once by `inner`,
 * then the handler is called again from the top and memoised steps answer from the memo (a step.run's fn is not
 * called again, a sendEvent does not send again). Never rejects: a thrown handler error comes back as `error`.
 *
 * Drive a saga with a scripted step (saga-test-kit's scriptedStep) and check that its replays repeat nothing:
 *
 *   const { step, sent, ids } = scriptedStep({ outcome: { name: "shop/payment.succeeded", data: { orderId, paymentIntentId } } });
 *   const replayed = await replayHandler((s) => runCheckoutSaga({ event, step: s }, deps), step);
 *   expect(replayed.output).toBe("paid");
 *   expect(ids).toEqual(replayed.performed); // every step reached the scripted step once, however often the saga replayed
 *   expect(sent).toHaveLength(1);
 *
 * A step that `inner` fails is memoised as failed: later invocations get the same error without calling `inner` again.
 * For whole flows, the InProcessRunner replays by default (option `replay`).
 */
export async function replayHandler<T>(handler: (step: Step) => Promise<T>, inner: Step): Promise<Replayed<T>> {
  const run = new ReplayedRun(handler, stepExecutor(inner), true);
  const outcome = await run.result().then(
    (output) => ({ output }),
    (error: unknown) => ({ error }),
  );
  return { ...outcome, invocations: run.invocations, performed: run.performed, memo: run.memo };
}
