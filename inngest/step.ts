import type { ReceivedEvent, ShopEvent, ShopEventName } from "@/server/events/schemas";

/** A step id, or options with one; `parallelMode: "race"` lets Inngest resume as soon as one of several racing waits resolves. */
export type StepId = string | { id: string; parallelMode?: "race" };

/** JSON-safe step results: Inngest stores them between invocations, so a Date would come back as a string. */
export type StepResult = string | number | boolean | null | { [key: string]: StepResult } | StepResult[];

export interface WaitOptions {
  event: ShopEventName;
  /** Milliseconds, or the moment the wait gives up and resolves with null. */
  timeout: number | Date;
  /** Dot path (`data.orderId`) that must be equal in the trigger and the awaited event. */
  match: string;
}

/**
 * The part of Inngest's `step` the shop's functions use. Inngest's own step object is adapted to it
 * in functions/index.ts, the in-process runner implements it, and tests script it to fail any step.
 */
export interface Step {
  run<T extends StepResult>(id: StepId, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: StepId, events: ShopEvent | ShopEvent[]): Promise<unknown>;
  sleep(id: StepId, ms: number): Promise<void>;
  waitForEvent(id: StepId, options: WaitOptions): Promise<ReceivedEvent | null>;
}

export type Trigger = { event: ShopEventName } | { cron: string };

/** A function both engines can run: the same id, trigger, key and handler (and so the same step ids). */
export interface FunctionDefinition {
  id: string;
  trigger: Trigger;
  /** Event data field that keys runs: a second event with the same value starts no second run (Inngest `idempotency`). */
  key?: string;
  /** On an Inngest server, one run per batch of up to maxSize events or what arrived within timeout ("5s"); in-process, one per event. */
  batch?: { maxSize: number; timeout: `${number}s` };
  /** `events`: the batch on Inngest (the trigger is its first); absent in-process, where the trigger is the whole batch. */
  handler: (args: { event: ReceivedEvent; events?: ReceivedEvent[]; step: Step }) => Promise<unknown>;
}
