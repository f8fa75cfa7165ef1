import { randomUUID } from "node:crypto";
import { NonRetriableError } from "inngest";
import { parseShopEvent, type ReceivedEvent, type ShopEvent } from "./events";
import type { FunctionDefinition, Step, StepId, StepResult, WaitOptions } from "./step";
import { cronIntervalMs } from "./cron";

export interface RunRecord {
  functionId: string;
  event: ReceivedEvent;
  status: "running" | "completed" | "failed";
  output?: unknown;
  error?: unknown;
}

export interface RunnerOptions {
  /** Attempts per step.run before its error reaches the handler (Inngest retries on its own schedule). */
  attempts?: number;
  /** Pause before attempt n + 1. */
  backoffMs?: (attempt: number) => number;
  onRunFailed?: (run: RunRecord) => void;
}

interface Waiter {
  options: WaitOptions;
  expected: unknown;
  resolve: (event: ReceivedEvent) => void;
}

function valueAt(event: ReceivedEvent, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), event);
}

/**
 * Runs the shop's functions inside this process when no Inngest server is configured: events on an in-memory bus,
 * the same handlers and step ids, retried steps, sleeps, waits with timeouts and cron. Nothing here survives a restart:
 * a run in flight is lost and the expire-reservations sweeper repairs what it left.
 */
interface ActiveRun {
  record: RunRecord;
  /** step.run calls in flight. */
  running: number;
  /** Waits and sleeps in flight. */
  waiting: number;
  /** Undo the timers and waits still pending when the run ends (the loser of a race). */
  cleanups: Set<() => void>;
}

/**
 * Runs the shop's functions inside this process when no Inngest server is configured: events on an in-memory bus,
 * the same handlers and step ids, retried steps, sleeps, waits with timeouts and cron. Nothing here survives a restart:
 * a run in flight is lost and the expire-reservations sweeper repairs what it left.
 */
export class InProcessRunner {
  readonly runs: RunRecord[] = [];
  private readonly active = new Set<ActiveRun>();
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly runKeys = new Set<string>();
  private readonly eventIds = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly attempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private stopped = false;

  constructor(
    private readonly functions: FunctionDefinition[],
    private readonly options: RunnerOptions = {},
  ) {
    this.attempts = options.attempts ?? 3;
    this.backoffMs = options.backoffMs ?? ((attempt) => 100 * 2 ** attempt);
  }

  /** Delivers events: resumes matching waits, then starts the functions they trigger. Duplicate event ids are dropped. */
  async emit(events: ShopEvent | ShopEvent[]): Promise<{ ids: string[] }> {
    const ids: string[] = [];
    for (const input of Array.isArray(events) ? events : [events]) {
      const id = input.id ?? randomUUID();
      const event: ReceivedEvent = { ...parseShopEvent(input), id, ts: Date.now() };
      ids.push(id);
      if (this.stopped || this.eventIds.has(id)) continue;
      this.eventIds.add(id);
      for (const waiter of [...this.waiters]) {
        if (waiter.options.event === event.name && valueAt(event, waiter.options.match) === waiter.expected) waiter.resolve(event);
      }
      for (const fn of this.functions) {
        if ("event" in fn.trigger && fn.trigger.event === event.name) void this.start(fn, event);
      }
    }
    return { ids };
  }

  /** Starts the cron functions on their schedules; timers do not keep the process alive. */
  startCron(): void {
    for (const fn of this.functions) {
      if (!("cron" in fn.trigger)) continue;
      const timer = setInterval(() => void this.tick(fn.id), cronIntervalMs(fn.trigger.cron));
      timer.unref();
      this.timers.add(timer);
    }
  }

  /** Runs a cron function now and resolves when that run ends. */
  async tick(functionId: string): Promise<RunRecord> {
    const fn = this.functions.find((f) => f.id === functionId && "cron" in f.trigger);
    if (!fn || !("cron" in fn.trigger)) throw new Error(`no cron function ${functionId}`);
    return this.start(fn, { name: "inngest/scheduled.timer", data: { cron: fn.trigger.cron }, id: randomUUID(), ts: Date.now() });
  }

  /** Resolves once every run has ended (including runs started meanwhile). */
  idle(): Promise<void> {
    return this.until(() => this.active.size === 0);
  }

  /** Resolves once no run is executing a step: each has ended or is parked in waits or sleeps. */
  settled(): Promise<void> {
    return this.until(() => [...this.active].every((run) => run.running === 0 && run.waiting > 0));
  }

  /** Clears every timer; waits and sleeps in flight never resume, like runs lost in a crash. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiters.clear();
  }

  private async start(fn: FunctionDefinition, event: ReceivedEvent): Promise<RunRecord> {
    const record: RunRecord = { functionId: fn.id, event, status: "running" };
    if (fn.key !== undefined) {
      const runKey = `${fn.id}:${String(valueAt(event, `data.${fn.key}`))}`;
      if (this.runKeys.has(runKey)) return { ...record, status: "completed", output: "skipped: already ran for this key" };
      this.runKeys.add(runKey);
    }
    const run: ActiveRun = { record, running: 0, waiting: 0, cleanups: new Set() };
    this.runs.push(record);
    this.active.add(run);
    try {
      Object.assign(record, { status: "completed", output: await fn.handler({ event, step: this.stepFor(event, run) }) });
    } catch (error) {
      Object.assign(record, { status: "failed", error });
      (this.options.onRunFailed ?? ((r) => console.error(`[inngest runner] ${r.functionId} failed`, r.error)))(record);
    }
    for (const cleanup of run.cleanups) cleanup();
    this.active.delete(run);
    this.notify();
    return record;
  }

  private stepFor(trigger: ReceivedEvent, run: ActiveRun): Step {
    return {
      run: async <T extends StepResult>(_id: StepId, fn: () => Promise<T>) => {
        run.running++;
        try {
          return await this.retry(fn);
        } finally {
          run.running--;
          this.notify();
        }
      },
      sendEvent: (_id, events) => this.emit(events),
      sleep: (_id, ms) => this.park<void>(run, ms, (finish) => finish()),
      waitForEvent: (_id, options) => {
        const ms = options.timeout instanceof Date ? options.timeout.getTime() - Date.now() : options.timeout;
        return this.park<ReceivedEvent | null>(
          run,
          ms,
          (finish) => finish(null),
          (finish) => {
            const waiter: Waiter = { options, expected: valueAt(trigger, options.match), resolve: finish };
            this.waiters.add(waiter);
            return () => this.waiters.delete(waiter);
          },
        );
      },
    };
  }

  /** Parks the run until `onTimeout` (after `ms`) or the optional `listen` resolves it, whichever comes first. */
  private park<T>(run: ActiveRun, ms: number, onTimeout: (finish: (value: T) => void) => void, listen?: (finish: (value: T) => void) => () => void): Promise<T> {
    run.waiting++;
    this.notify();
    return new Promise<T>((resolve) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
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
      this.timers.add(timer);
      const unlisten = listen?.(finish);
      run.cleanups.add(cleanup);
    });
  }

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= this.attempts || error instanceof NonRetriableError) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
      }
    }
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      this.notify();
    });
  }

  private notify(): void {
    // Checked once the microtasks queued so far have run, so a handler between two steps counts as busy.
    setImmediate(() => {
      for (const listener of [...this.listeners]) listener();
    });
  }
}

const globalForRunner = globalThis as unknown as { emporiumRunner?: InProcessRunner };

/** The runner shared by route handlers and instrumentation in this process, if one was installed. */
export function sharedRunner(): InProcessRunner | undefined {
  return globalForRunner.emporiumRunner;
}

/** Installs (or removes) the shared runner: instrumentation.ts for the app, tests for their own database. */
export function installRunner(runner: InProcessRunner | undefined): void {
  globalForRunner.emporiumRunner?.stop();
  globalForRunner.emporiumRunner = runner;
}
