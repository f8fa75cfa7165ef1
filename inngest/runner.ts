import { randomUUID } from "node:crypto";
import { parseShopEvent, type ReceivedEvent, type ShopEvent } from "@/server/events/schemas";
import { cronIntervalMs } from "./cron";
import { ReplayedRun } from "./replay";
import { runnerExecutor, valueAt, Waiters, type ActiveRun, type StepHost } from "./run-steps";
import type { FunctionDefinition } from "./step";
import { log, withEventRequestId } from "@/server/log";

export interface RunRecord {
  functionId: string;
  event: ReceivedEvent;
  status: "running" | "completed" | "failed";
  output?: unknown;
  error?: unknown;
  /** How often the handler was called: with replay, once to start and again after each step finished. */
  invocations: number;
  /** When the run ended; the retention period counts from here. */
  endedAt?: number;
}

export interface RunnerOptions {
  /** Attempts per step.run before its error reaches the handler (Inngest retries on its own schedule). */
  attempts?: number;
  /** Pause before attempt n + 1. */
  backoffMs?: (attempt: number) => number;
  onRunFailed?: (run: RunRecord) => void;
  /**
   * Call the handler again from the top after each step, answering finished steps from the run's memo, as Inngest
   * does (default true). Off, the handler runs once straight through; steps are memoised all the same.
   */
  replay?: boolean;
  /** How long a finished run stays in `runs` (default one hour). */
  retainRunsMs?: number;
  /** How many finished runs `runs` keeps at most, the oldest dropped first (default 1,000). */
  maxFinishedRuns?: number;
  /** How long an event id or a run key is remembered to drop duplicates (default 24 hours, as Inngest). */
  dedupeWindowMs?: number;
}

const HOUR = 60 * 60_000;

// Runs log under the id of the request that wrote their event (see start).
function logFailedRun(run: RunRecord): void {
  log().error({ err: run.error, functionId: run.functionId, event: run.event.name, eventId: run.event.id }, "background function failed after its retries");
}

/** Forgets the entries first seen at or before `cutoff`; a Map iterates in insertion order, so the oldest come first. */
function forgetBefore(seen: Map<string, number>, cutoff: number): void {
  for (const [key, at] of seen) {
    if (at > cutoff) return;
    seen.delete(key);
  }
}

/**
 * Runs the shop's functions inside this process when no Inngest server is configured: events on an in-memory bus,
 * the same handlers and step ids, memoised and replayed steps, retries, sleeps, waits with timeouts and cron. Nothing
 * here survives a restart: a run in flight is lost and the expire-reservations sweeper repairs what it left. Memory
 * stays bounded: finished runs, seen event ids and run keys are forgotten after their windows, checked on every emit.
 */
export class InProcessRunner {
  /** Runs in flight and those finished within the retention window, oldest first. */
  readonly runs: RunRecord[] = [];
  private readonly active = new Set<ActiveRun>();
  private readonly waiters = new Waiters();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** First seen, by run key and by event id. */
  private readonly runKeys = new Map<string, number>();
  private readonly eventIds = new Map<string, number>();
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
    this.prune();
    for (const input of Array.isArray(events) ? events : [events]) {
      const id = input.id ?? randomUUID();
      const event: ReceivedEvent = { ...parseShopEvent(input), id, ts: Date.now() };
      ids.push(id);
      if (this.stopped || this.eventIds.has(id)) continue;
      this.eventIds.set(id, event.ts ?? Date.now());
      for (const waiter of this.waiters.matching(event)) waiter.resolve(event);
      for (const fn of this.functions) {
        if ("event" in fn.trigger && fn.trigger.event === event.name) void withEventRequestId(event, () => this.start(fn, event));
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
    this.prune();
    const record: RunRecord = { functionId: fn.id, event, status: "running", invocations: 0 };
    if (fn.key !== undefined) {
      const runKey = `${fn.id}:${String(valueAt(event, `data.${fn.key}`))}`;
      if (this.runKeys.has(runKey)) return { ...record, status: "completed", output: "skipped: already ran for this key" };
      this.runKeys.set(runKey, Date.now());
    }
    const run: ActiveRun = { record, running: 0, waiting: 0 };
    this.runs.push(record);
    this.active.add(run);
    const replayed = new ReplayedRun((step) => fn.handler({ event, step }), runnerExecutor(this.host, event, run), this.options.replay ?? true);
    try {
      Object.assign(record, { status: "completed", output: await replayed.result() });
    } catch (error) {
      Object.assign(record, { status: "failed", error });
      (this.options.onRunFailed ?? logFailedRun)(record);
    }
    Object.assign(record, { invocations: replayed.invocations, endedAt: Date.now() });
    this.active.delete(run);
    this.notify();
    return record;
  }

  /** Drops finished runs past their retention (or beyond the count kept) and ids past the dedupe window. */
  private prune(): void {
    const now = Date.now();
    const dedupeCutoff = now - (this.options.dedupeWindowMs ?? 24 * HOUR);
    forgetBefore(this.eventIds, dedupeCutoff);
    forgetBefore(this.runKeys, dedupeCutoff);

    const runsCutoff = now - (this.options.retainRunsMs ?? HOUR);
    let excess = this.runs.filter((r) => r.endedAt !== undefined).length - (this.options.maxFinishedRuns ?? 1000);
    let kept = 0;
    for (const record of this.runs) {
      const drop = record.endedAt !== undefined && (record.endedAt <= runsCutoff || excess > 0);
      if (drop) excess--;
      else this.runs[kept++] = record;
    }
    this.runs.length = kept;
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
