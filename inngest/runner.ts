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
  resolve: (event: ReceivedEvent | null) => void;
}

function valueAt(event: ReceivedEvent, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), event);
}

/**
 * Runs the shop's functions inside this process when no Inngest server is configured: events on an in-memory bus,
 * the same handlers and step ids, retried steps, sleeps, waits with timeouts and cron. Nothing here survives a restart:
 * a run in flight is lost and the expire-reservations sweeper repairs what it left.
 */
export class InProcessRunner {
  readonly runs: RunRecord[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly runKeys = new Set<string>();
  private readonly eventIds = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly attempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private busy = 0;
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
      const event: ReceivedEvent = { ...parseShopEvent(input), id: input.id ?? randomUUID(), ts: Date.now() };
      ids.push(event.id!);
      if (this.stopped || this.eventIds.has(event.id!)) continue;
      this.eventIds.add(event.id!);
      for (const waiter of [...this.waiters]) {
        if (waiter.options.event === event.name && valueAt(event, waiter.options.match) === waiter.expected) waiter.resolve(event);
      }
      for (const fn of this.functions) {
        if ("event" in fn.trigger && fn.trigger.event === event.name) this.start(fn, event);
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
    if (!fn) throw new Error(`no cron function ${functionId}`);
    const cron = "cron" in fn.trigger ? fn.trigger.cron : "";
    return this.start(fn, { name: "inngest/scheduled.timer", data: { cron }, id: randomUUID(), ts: Date.now() });
  }

  /** Resolves once every run has ended (including runs started meanwhile). */
  idle(): Promise<void> {
    return this.until(() => this.runs.every((r) => r.status !== "running"));
  }

  /** Resolves once no run is executing a step: each has ended or is parked in a wait or sleep. */
  settled(): Promise<void> {
    return this.until(() => this.busy === 0);
  }

  /** Clears every timer; waits and sleeps in flight never resume, like runs lost in a crash. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiters.clear();
  }

  private start(fn: FunctionDefinition, event: ReceivedEvent): Promise<RunRecord> {
    const record: RunRecord = { functionId: fn.id, event, status: "running" };
    if (fn.key !== undefined) {
      const runKey = `${fn.id}:${String(valueAt(event, `data.${fn.key}`))}`;
      if (this.runKeys.has(runKey)) return Promise.resolve({ ...record, status: "completed", output: "skipped: already ran for this key" });
      this.runKeys.add(runKey);
    }
    this.runs.push(record);
    this.busy++;
    return fn
      .handler({ event, step: this.stepFor(event) })
      .then(
        (output) => Object.assign(record, { status: "completed", output }),
        (error: unknown) => {
          Object.assign(record, { status: "failed", error });
          (this.options.onRunFailed ?? ((r) => console.error(`[inngest runner] ${r.functionId} failed`, r.error)))(record);
        },
      )
      .then(() => {
        this.busy--;
        this.notify();
        return record;
      });
  }

  private stepFor(trigger: ReceivedEvent): Step {
    return {
      run: <T extends StepResult>(_id: StepId, fn: () => Promise<T>) => this.retry(fn),
      sendEvent: (_id, events) => this.emit(events),
      sleep: (_id, ms) => this.park((resume) => this.timer(ms, () => resume())),
      waitForEvent: (_id, options) =>
        this.park<ReceivedEvent | null>((resume) => {
          const ms = options.timeout instanceof Date ? options.timeout.getTime() - Date.now() : options.timeout;
          const waiter: Waiter = { options, expected: valueAt(trigger, options.match), resolve: (e) => finish(e) };
          const timer = this.timer(ms, () => finish(null));
          const finish = (event: ReceivedEvent | null) => {
            this.waiters.delete(waiter);
            clearTimeout(timer);
            this.timers.delete(timer);
            resume(event);
          };
          this.waiters.add(waiter);
        }),
    };
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

  /** Marks the run as parked (not busy) until `register` resumes it. */
  private park<T = void>(register: (resume: (value: T) => void) => void): Promise<T> {
    this.busy--;
    this.notify();
    return new Promise<T>((resolve) =>
      register((value) => {
        this.busy++;
        resolve(value);
      }),
    );
  }

  private timer(ms: number, fire: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fire();
    }, Math.max(0, ms));
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
      check();
    });
  }

  private notify(): void {
    // Let the step that just finished hand over to the next one before deciding the runner is quiet.
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
