import { randomUUID } from "node:crypto";
import { parseShopEvent, type ReceivedEvent, type ShopEvent } from "./events";
import { cronIntervalMs } from "./cron";
import { runSteps, valueAt, type ActiveRun, type StepHost, type Waiter } from "./run-steps";
import type { FunctionDefinition } from "./step";

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
  private readonly host: StepHost;
  private stopped = false;

  constructor(
    private readonly functions: FunctionDefinition[],
    private readonly options: RunnerOptions = {},
  ) {
    this.host = {
      attempts: options.attempts ?? 3,
      backoffMs: options.backoffMs ?? ((attempt) => 100 * 2 ** attempt),
      waiters: this.waiters,
      timers: this.timers,
      emit: (events) => this.emit(events),
      notify: () => this.notify(),
    };
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
      Object.assign(record, { status: "completed", output: await fn.handler({ event, step: runSteps(this.host, event, run) }) });
    } catch (error) {
      Object.assign(record, { status: "failed", error });
      (this.options.onRunFailed ?? ((r) => console.error(`[inngest runner] ${r.functionId} failed`, r.error)))(record);
    }
    for (const cleanup of run.cleanups) cleanup();
    this.active.delete(run);
    this.notify();
    return record;
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
