import { NonRetriableError } from "inngest";
import type { ReceivedEvent, ShopEvent } from "./events";
import type { RunRecord } from "./runner";
import type { Step, StepId, StepResult, WaitOptions } from "./step";

export interface Waiter {
  options: WaitOptions;
  expected: unknown;
  resolve: (event: ReceivedEvent) => void;
}

export interface ActiveRun {
  record: RunRecord;
  /** step.run calls in flight. */
  running: number;
  /** Waits and sleeps in flight. */
  waiting: number;
  /** Undo the timers and waits still pending when the run ends (the loser of a race). */
  cleanups: Set<() => void>;
}

/** What a run's steps share with the runner. */
export interface StepHost {
  attempts: number;
  backoffMs: (attempt: number) => number;
  waiters: Set<Waiter>;
  timers: Set<NodeJS.Timeout>;
  emit: (events: ShopEvent | ShopEvent[]) => Promise<unknown>;
  /** Something changed that idle() or settled() may be waiting for. */
  notify: () => void;
}

export function valueAt(event: ReceivedEvent, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), event);
}

async function retry<T>(host: StepHost, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= host.attempts || error instanceof NonRetriableError) throw error;
      await new Promise((resolve) => setTimeout(resolve, host.backoffMs(attempt)));
    }
  }
}

/** Parks the run until `onTimeout` (after `ms`) or the optional `listen` resolves it, whichever comes first. */
function park<T>(
  host: StepHost,
  run: ActiveRun,
  ms: number,
  onTimeout: (finish: (value: T) => void) => void,
  listen?: (finish: (value: T) => void) => () => void,
): Promise<T> {
  run.waiting++;
  host.notify();
  return new Promise<T>((resolve) => {
    const cleanup = () => {
      clearTimeout(timer);
      host.timers.delete(timer);
      unlisten?.();
      run.cleanups.delete(cleanup);
    };
    let done = false;
    const finish = (value: T) => {
      if (done) return;
      done = true;
      cleanup();
      run.waiting--;
      resolve(value);
    };
    const timer = setTimeout(() => onTimeout(finish), Math.max(0, ms));
    timer.unref();
    host.timers.add(timer);
    const unlisten = listen?.(finish);
    run.cleanups.add(cleanup);
  });
}

/** The step tools of one in-process run. Step ids are not memoised: a run executes once, nothing is replayed. */
export function runSteps(host: StepHost, trigger: ReceivedEvent, run: ActiveRun): Step {
  return {
    run: async <T extends StepResult>(_id: StepId, fn: () => Promise<T>) => {
      run.running++;
      try {
        return await retry(host, fn);
      } finally {
        run.running--;
        host.notify();
      }
    },
    sendEvent: (_id, events) => host.emit(events),
    sleep: (_id, ms) => park<void>(host, run, ms, (finish) => finish()),
    waitForEvent: (_id, options) => {
      const ms = options.timeout instanceof Date ? options.timeout.getTime() - Date.now() : options.timeout;
      const listen = (finish: (event: ReceivedEvent) => void) => {
        const waiter: Waiter = { options, expected: valueAt(trigger, options.match), resolve: finish };
        host.waiters.add(waiter);
        return () => host.waiters.delete(waiter);
      };
      return park<ReceivedEvent | null>(host, run, ms, (finish) => finish(null), listen);
    },
  };
}
