import { NonRetriableError } from "inngest";
import type { ReceivedEvent, ShopEvent } from "@/server/events/schemas";
import type { StepExecutor } from "./replay";
import type { RunRecord } from "./runner";
import type { WaitOptions } from "./step";

export interface Waiter {
  options: WaitOptions;
  expected: unknown;
  resolve: (event: ReceivedEvent) => void;
}

/**
 * The runs waiting for an event, found by the event's name and the value its matched field must have, so delivering
 * an event costs the same with ten waiting sagas as with ten thousand (a saga that missed its event waits until expiry).
 */
export class Waiters {
  private readonly byEvent = new Map<string, Map<string, Map<unknown, Set<Waiter>>>>();

  add(waiter: Waiter): void {
    const byPath = this.byEvent.get(waiter.options.event) ?? new Map<string, Map<unknown, Set<Waiter>>>();
    this.byEvent.set(waiter.options.event, byPath);
    const byValue = byPath.get(waiter.options.match) ?? new Map<unknown, Set<Waiter>>();
    byPath.set(waiter.options.match, byValue);
    const waiting = byValue.get(waiter.expected) ?? new Set<Waiter>();
    byValue.set(waiter.expected, waiting.add(waiter));
  }

  delete(waiter: Waiter): void {
    const byValue = this.byEvent.get(waiter.options.event)?.get(waiter.options.match);
    const waiting = byValue?.get(waiter.expected);
    if (!waiting?.delete(waiter) || waiting.size > 0) return;
    byValue!.delete(waiter.expected);
  }

  /** The waiters this event resumes. */
  matching(event: ReceivedEvent): Waiter[] {
    const byPath = this.byEvent.get(event.name);
    if (!byPath) return [];
    return [...byPath].flatMap(([path, byValue]) => [...(byValue.get(valueAt(event, path)) ?? [])]);
  }

  clear(): void {
    this.byEvent.clear();
  }
}

export interface ActiveRun {
  record: RunRecord;
  /** step.run calls in flight. */
  running: number;
  /** Waits and sleeps in flight. */
  waiting: number;
}

/** What a run's steps share with the runner. */
export interface StepHost {
  attempts: number;
  backoffMs: (attempt: number) => number;
  waiters: Waiters;
  timers: Set<NodeJS.Timeout>;
  emit: (events: ShopEvent | ShopEvent[]) => Promise<unknown>;
  /** Something changed that idle() or settled() may be waiting for. */
  notify: () => void;
}

export function valueAt(event: ReceivedEvent, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), event);
}

function pause(host: StepHost, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      host.timers.delete(timer);
      resolve();
    }, ms);
    timer.unref();
    host.timers.add(timer);
  });
}

/** Attempts `fn` up to host.attempts times; gives up early once nobody wants the result. */
async function retry<T>(host: StepHost, fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= host.attempts || error instanceof NonRetriableError || signal.aborted) throw error;
      await pause(host, host.backoffMs(attempt));
    }
  }
}

/** Parks the run until the timeout (after `ms`), the optional `listen`, or the abort signal resolves it, whichever comes first. */
function park<T>(
  host: StepHost,
  run: ActiveRun,
  signal: AbortSignal,
  ms: number,
  onTimeout: (finish: (value: T | null) => void) => void,
  listen?: (finish: (value: T | null) => void) => () => void,
): Promise<T | null> {
  run.waiting++;
  host.notify();
  return new Promise<T | null>((resolve) => {
    let done = false;
    const finish = (value: T | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      host.timers.delete(timer);
      unlisten?.();
      signal.removeEventListener("abort", abort);
      run.waiting--;
      host.notify();
      resolve(value);
    };
    const abort = () => finish(null);
    const timer = setTimeout(() => onTimeout(finish), Math.max(0, ms));
    timer.unref();
    host.timers.add(timer);
    const unlisten = listen?.(finish);
    signal.addEventListener("abort", abort, { once: true });
  });
}

/** Performs the steps of one in-process run that its memo has not seen: retried step.run calls, events, sleeps and waits. */
export function runnerExecutor(host: StepHost, trigger: ReceivedEvent, run: ActiveRun): StepExecutor {
  return async (_id, call, signal) => {
    switch (call.op) {
      case "run":
        run.running++;
        try {
          return await retry(host, call.fn, signal);
        } finally {
          run.running--;
          host.notify();
        }
      case "sendEvent":
        return host.emit(call.events);
      case "sleep":
        return park(host, run, signal, call.ms, (finish) => finish(null));
      case "waitForEvent": {
        const { options } = call;
        const ms = options.timeout instanceof Date ? options.timeout.getTime() - Date.now() : options.timeout;
        const listen = (finish: (event: ReceivedEvent | null) => void) => {
          const waiter: Waiter = { options, expected: valueAt(trigger, options.match), resolve: finish };
          host.waiters.add(waiter);
          return () => host.waiters.delete(waiter);
        };
        return park<ReceivedEvent>(host, run, signal, ms, (finish) => finish(null), listen);
      }
    }
  };
}
