import type { ReceivedEvent, ShopEvent } from "@/server/events/schemas";
import type { Step, StepId, StepResult, WaitOptions } from "./step";

/** A step the handler asked for, as the engine that performs it sees it. */
export type StepCall =
  | { op: "run"; fn: () => Promise<StepResult> }
  | { op: "sendEvent"; events: ShopEvent | ShopEvent[] }
  | { op: "sleep"; ms: number }
  | { op: "waitForEvent"; options: WaitOptions };

/**
 * Performs a step the memo has not seen yet. `signal` aborts once its result is no longer wanted (the loser of a race,
 * a run that ended): a wait or sleep drops its timer and listener then; whatever it resolves with afterwards is ignored.
 */
export type StepExecutor = (id: StepId, call: StepCall, signal: AbortSignal) => Promise<unknown>;

/** A finished step: its value or its error, and when it finished relative to the run's other steps. */
export type MemoEntry = { seq: number } & ({ ok: true; value: unknown } | { ok: false; error: unknown });

interface InFlight {
  abort: AbortController;
  /** The invocation that found it, when it is one of several racing steps (`parallelMode: "race"`). */
  raceOf?: number;
  /** Callers to answer directly when the handler is not re-invoked (replay off). */
  listeners: Set<(entry: MemoEntry) => void>;
}

/** What Inngest stores between invocations is JSON: a step.run result comes back as its JSON round trip. */
function stored(call: StepCall, value: unknown): unknown {
  return call.op === "run" && value !== undefined ? JSON.parse(JSON.stringify(value)) : value;
}

/**
 * One run of a handler under Inngest's execution model. Step results are memoised by step id (the nth repeat of an id
 * within an invocation is keyed `id:n`, as Inngest does). With `replay`, each step that finishes ends the current
 * invocation and calls the handler again from the top: memoised steps answer at once, in the order they finished,
 * and the first step not in the memo is performed. Without it the handler is called once and steps answer in place.
 *
 * An abandoned invocation is simply never answered again, so it holds no timer and no listener: those belong to the
 * steps in flight, which outlive invocations (a later invocation that reaches the same id waits for the same step)
 * and are aborted when they lose a race or the run ends.
 */
export class ReplayedRun<T> {
  readonly memo = new Map<string, MemoEntry>();
  /** Memo keys in the order their steps were performed: each appears once however often the handler replays. */
  readonly performed: string[] = [];
  invocations = 0;
  private readonly inFlight = new Map<string, InFlight>();
  private generation = 0;
  private seq = 0;
  private reinvoking = false;
  private ended = false;
  private finish?: { resolve: (output: T) => void; reject: (error: unknown) => void };

  constructor(
    private readonly handler: (step: Step) => Promise<T>,
    private readonly execute: StepExecutor,
    private readonly replay: boolean,
  ) {}

  /** Runs the handler until an invocation returns or throws; then aborts whatever is still in flight. */
  result(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.finish = { resolve, reject };
      this.invoke(++this.generation);
    }).finally(() => this.end());
  }

  private invoke(generation: number): void {
    this.invocations++;
    const current = () => generation === this.generation && !this.ended;
    (async () => this.handler(this.stepsOf(generation, current)))().then(
      (output) => {
        if (current()) this.finish?.resolve(output);
      },
      (error: unknown) => {
        if (current()) this.finish?.reject(error);
      },
    );
  }

  private end(): void {
    this.ended = true;
    this.generation++;
    for (const step of this.inFlight.values()) step.abort.abort();
    this.inFlight.clear();
  }

  private stepsOf(generation: number, current: () => boolean): Step {
    const used = new Set<string>();
    const nextIndex = new Map<string, number>();
    const keyOf = (name: string) => {
      if (!used.has(name)) return name;
      for (let n = nextIndex.get(name) ?? 1; ; n++) {
        if (used.has(`${name}:${n}`)) continue;
        nextIndex.set(name, n + 1);
        return `${name}:${n}`;
      }
    };

    // Memoised answers wait for the calls made in the same tick, then go out in the order their steps finished,
    // so a Promise.race over replayed steps picks the one that really won.
    let hits: { entry: MemoEntry; answer: (entry: MemoEntry) => void }[] = [];
    const answerHits = () => {
      const batch = hits.sort((a, b) => a.entry.seq - b.entry.seq);
      hits = [];
      for (const hit of batch) hit.answer(hit.entry);
    };

    const call = (id: StepId, step: StepCall) =>
      new Promise<unknown>((resolve, reject) => {
        const name = typeof id === "string" ? id : id.id;
        const key = keyOf(name);
        used.add(key);
        const answer = (entry: MemoEntry) => {
          if (!current()) return;
          if (entry.ok) resolve(entry.value);
          else reject(entry.error);
        };
        const entry = this.memo.get(key);
        if (entry) {
          if (hits.push({ entry, answer }) === 1) queueMicrotask(answerHits);
          return;
        }
        const inFlight = this.inFlight.get(key) ?? this.perform(key, id, step, typeof id === "object" && id.parallelMode === "race" ? generation : undefined);
        if (!this.replay) inFlight.listeners.add(answer);
      });

    return {
      run: <R extends StepResult>(id: StepId, fn: () => Promise<R>) => call(id, { op: "run", fn }) as Promise<R>,
      sendEvent: (id, events) => call(id, { op: "sendEvent", events }),
      sleep: async (id, ms) => void (await call(id, { op: "sleep", ms })),
      waitForEvent: (id, options) => call(id, { op: "waitForEvent", options }) as Promise<ReceivedEvent | null>,
    };
  }

  private perform(key: string, id: StepId, call: StepCall, raceOf: number | undefined): InFlight {
    const inFlight: InFlight = { abort: new AbortController(), raceOf, listeners: new Set() };
    this.inFlight.set(key, inFlight);
    this.performed.push(key);
    (async () => this.execute(id, call, inFlight.abort.signal))().then(
      (value) => {
        try {
          this.complete(key, { ok: true, value: stored(call, value) });
        } catch (error) {
          this.complete(key, { ok: false, error });
        }
      },
      (error: unknown) => this.complete(key, { ok: false, error }),
    );
    return inFlight;
  }

  private complete(key: string, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    const inFlight = this.inFlight.get(key);
    if (!inFlight || this.ended) return;
    this.inFlight.delete(key);
    const entry: MemoEntry = { seq: ++this.seq, ...outcome };
    this.memo.set(key, entry);
    for (const answer of inFlight.listeners) answer(entry);

    if (inFlight.raceOf !== undefined) {
      // The race is decided: its other steps resolve to null, so no replay waits for them again.
      const losers = [...this.inFlight].filter(([, other]) => other.raceOf === inFlight.raceOf);
      for (const [loserKey, loser] of losers) {
        loser.abort.abort();
        this.complete(loserKey, { ok: true, value: null });
      }
    }
    if (this.replay) this.reinvoke();
  }

  /** Abandons the current invocation at once and starts the next after this tick, so steps finishing together cost one replay. */
  private reinvoke(): void {
    if (this.reinvoking) return;
    this.reinvoking = true;
    const generation = ++this.generation;
    queueMicrotask(() => {
      this.reinvoking = false;
      if (!this.ended) this.invoke(generation);
    });
  }
}
