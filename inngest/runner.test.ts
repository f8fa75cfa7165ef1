import { randomUUID } from "node:crypto";
import { NonRetriableError } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReceivedEvent } from "@/server/events/schemas";
import { InProcessRunner, type RunnerOptions, type RunRecord } from "./runner";
import type { FunctionDefinition } from "./step";

const runners: InProcessRunner[] = [];
function runner(functions: FunctionDefinition[], options: RunnerOptions = {}) {
  const failed: RunRecord[] = [];
  const r = new InProcessRunner(functions, { backoffMs: () => 0, onRunFailed: (run) => failed.push(run), ...options });
  runners.push(r);
  return Object.assign(r, { failed });
}
afterEach(() => {
  runners.splice(0).forEach((r) => r.stop());
  vi.useRealTimers();
});

const placed = (orderId: string) => ({ name: "shop/order.placed" as const, data: { orderId } });
const paid = (orderId: string) => ({ name: "shop/order.paid" as const, data: { orderId } });

describe("in-process runner", () => {
  it("retries a failing step and hands the last error to the handler after the third attempt", async () => {
    const calls = { flaky: 0, broken: 0 };
    const r = runner([
      {
        id: "retrying",
        trigger: { event: "shop/order.placed" },
        handler: async ({ step }) => {
          const flaky = await step.run("flaky", async () => {
            if (++calls.flaky < 3) throw new Error("transient");
            return "ok";
          });
          const broken = await step
            .run("broken", async () => {
              calls.broken++;
              throw new Error("down for good");
            })
            .catch((error: Error) => error.message);
          return { flaky, broken };
        },
      },
    ]);
    await r.emit(placed(randomUUID()));
    await r.idle();
    expect(calls).toEqual({ flaky: 3, broken: 3 });
    expect(r.runs[0]).toMatchObject({ status: "completed", output: { flaky: "ok", broken: "down for good" } });
  });

  it("does not retry a NonRetriableError and marks the run failed when the handler lets it through", async () => {
    let calls = 0;
    const r = runner([
      {
        id: "fatal",
        trigger: { event: "shop/order.placed" },
        handler: ({ step }) =>
          step.run("fatal-step", async () => {
            calls++;
            throw new NonRetriableError("no point retrying");
          }),
      },
    ]);
    await r.emit(placed(randomUUID()));
    await r.idle();
    expect(calls).toBe(1);
    expect(r.failed.map((run) => run.functionId)).toEqual(["fatal"]);
  });

  it("resumes a wait with the first event whose matched field equals the trigger's, and times out to null otherwise", async () => {
    const [mine, other, forgotten] = [randomUUID(), randomUUID(), randomUUID()];
    const waitFor = (timeout: number): FunctionDefinition => ({
      id: `waits-${timeout}`,
      trigger: { event: "shop/order.placed" },
      handler: async ({ step }) => step.waitForEvent("wait-for-paid", { event: "shop/order.paid", timeout, match: "data.orderId" }),
    });
    const r = runner([waitFor(60_000)]);
    await r.emit(placed(mine));
    await r.settled();
    await r.emit([paid(other), { name: "shop/order.cancelled", data: { orderId: mine, reason: "x" } }, { ...paid(mine), id: "paid-event" }]);
    await r.idle();
    expect((r.runs[0]?.output as ReceivedEvent).id).toBe("paid-event");

    const quick = runner([waitFor(5)]);
    await quick.emit(placed(forgotten));
    await quick.idle();
    expect(quick.runs[0]).toMatchObject({ status: "completed", output: null });
  });

  it("starts one run per key however often the trigger arrives, and drops events whose id it has seen", async () => {
    const started: string[] = [];
    const r = runner([
      {
        id: "once-per-order",
        trigger: { event: "shop/order.placed" },
        key: "orderId",
        handler: async ({ event }) => started.push(String(event.data.orderId)),
      },
      { id: "every-paid", trigger: { event: "shop/order.paid" }, handler: async ({ event }) => started.push(`paid ${String(event.data.orderId)}`) },
    ]);
    const [a, b] = [randomUUID(), randomUUID()];
    await r.emit([placed(a), placed(a), placed(b)]);
    await Promise.all([r.emit(placed(a)), r.emit({ ...paid(a), id: "same" }), r.emit({ ...paid(a), id: "same" })]);
    await r.idle();
    expect(started.sort()).toEqual([a, b, `paid ${a}`].sort());
  });

  it("delivers events sent by a step to the functions they trigger, and sleeps between steps", async () => {
    const orderId = randomUUID();
    const seen: string[] = [];
    const r = runner([
      {
        id: "sender",
        trigger: { event: "shop/order.placed" },
        handler: async ({ event, step }) => {
          await step.sleep("pause", 5);
          await step.sendEvent("send-paid", paid(String(event.data.orderId)));
        },
      },
      { id: "receiver", trigger: { event: "shop/order.paid" }, handler: async ({ event }) => seen.push(String(event.data.orderId)) },
    ]);
    await r.emit(placed(orderId));
    await r.idle();
    expect(seen).toEqual([orderId]);
  });

  it("counts a run racing two waits as settled, and resumes it with the first event to arrive", async () => {
    const orderId = randomUUID();
    const r = runner([
      {
        id: "racer",
        trigger: { event: "shop/order.placed" },
        handler: async ({ step }) => {
          const options = { timeout: 60_000, match: "data.orderId" } as const;
          const winner = await Promise.race([
            step.waitForEvent({ id: "wait-paid", parallelMode: "race" }, { ...options, event: "shop/order.paid" }),
            step.waitForEvent({ id: "wait-cancelled", parallelMode: "race" }, { ...options, event: "shop/order.cancelled" }),
          ]);
          return winner?.name ?? null;
        },
      },
    ]);
    await r.emit(placed(orderId));
    await r.settled();
    expect(r.runs[0]?.status).toBe("running");

    await r.emit({ name: "shop/order.cancelled", data: { orderId, reason: "test" } });
    await r.idle();
    expect(r.runs[0]).toMatchObject({ status: "completed", output: "shop/order.cancelled" });
  });

  it("rejects an event whose data does not match its schema", async () => {
    const r = runner([]);
    await expect(r.emit({ name: "shop/order.placed", data: { orderId: "not-a-uuid" } })).rejects.toThrow(/orderId/);
  });

  it("runs a cron function on every tick of its schedule", async () => {
    vi.useFakeTimers({ toFake: ["setInterval"] });
    let sweeps = 0;
    const r = runner([{ id: "sweeper", trigger: { cron: "* * * * *" }, handler: async () => ++sweeps }]);
    r.startCron();
    vi.advanceTimersByTime(59_000);
    expect(sweeps).toBe(0);
    vi.advanceTimersByTime(2 * 60_000);
    await r.idle();
    expect(sweeps).toBe(2);
    expect((await r.tick("sweeper")).output).toBe(3);
  });
});

describe("in-process runner, replaying as Inngest does", () => {
  it("calls the handler again after every step yet performs each step once: a retried step, a send, a sleep and a wait included", async () => {
    const orderId = randomUUID();
    const calls = { load: 0, flaky: 0, finish: 0, received: 0 };
    const r = runner([
      {
        id: "replayed",
        trigger: { event: "shop/order.placed" },
        handler: async ({ event, step }) => {
          const loaded = await step.run("load", async () => ++calls.load);
          const flaky = await step.run("flaky", async () => {
            if (++calls.flaky < 3) throw new Error("transient");
            return "ok";
          });
          await step.sendEvent("announce", { name: "shop/order.cancelled", data: { orderId, reason: "test" } });
          const paid = await step.waitForEvent("wait-for-paid", { event: "shop/order.paid", timeout: 60_000, match: "data.orderId" });
          await step.sleep("pause", 1);
          await step.run("finish", async () => ++calls.finish);
          return { loaded, flaky, paid: paid?.id ?? null, trigger: event.id };
        },
      },
      { id: "receiver", trigger: { event: "shop/order.cancelled" }, handler: async () => ++calls.received },
    ]);
    await r.emit({ ...placed(orderId), id: "trigger" });
    await r.settled();
    await r.emit({ ...paid(orderId), id: "paid-event" });
    await r.idle();

    expect(calls).toEqual({ load: 1, flaky: 3, finish: 1, received: 1 });
    const run = r.runs.find((record) => record.functionId === "replayed");
    expect(run).toMatchObject({ status: "completed", output: { loaded: 1, flaky: "ok", paid: "paid-event", trigger: "trigger" }, invocations: 7 });
  });

  it("resumes a run racing two waits with the first event, replays it once, and leaves no timer or waiter behind", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const orderId = randomUUID();
    let after = 0;
    const r = runner([
      {
        id: "racer",
        trigger: { event: "shop/order.placed" },
        handler: async ({ step }) => {
          const options = { timeout: 60_000, match: "data.orderId" } as const;
          const winner = await Promise.race([
            step.waitForEvent({ id: "wait-paid", parallelMode: "race" }, { ...options, event: "shop/order.paid" }),
            step.waitForEvent({ id: "wait-cancelled", parallelMode: "race" }, { ...options, event: "shop/order.cancelled" }),
          ]);
          await step.run("after-race", async () => ++after);
          return winner?.name ?? null;
        },
      },
    ]);
    await r.emit(placed(orderId));
    await r.settled();
    expect(vi.getTimerCount()).toBe(2);

    await r.emit({ name: "shop/order.cancelled", data: { orderId, reason: "test" } });
    await r.idle();
    expect(r.runs[0]).toMatchObject({ status: "completed", output: "shop/order.cancelled", invocations: 3 });
    expect(vi.getTimerCount()).toBe(0);

    // The loser's waiter is gone: its event resumes nothing and the run stays as it ended.
    await r.emit(paid(orderId));
    await r.idle();
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]).toMatchObject({ output: "shop/order.cancelled", invocations: 3 });
    expect(after).toBe(1);
  });

  it("calls the handler once, straight through, with replay off", async () => {
    let calls = 0;
    const r = runner(
      [
        {
          id: "straight",
          trigger: { event: "shop/order.placed" },
          handler: async ({ step }) => {
            for (let i = 0; i < 3; i++) await step.run("tick", async () => ++calls);
            return calls;
          },
        },
      ],
      { replay: false },
    );
    await r.emit(placed(randomUUID()));
    await r.idle();
    expect(r.runs[0]).toMatchObject({ status: "completed", output: 3, invocations: 1 });
  });
});

describe("in-process runner memory", () => {
  const minute = 60_000;
  const hour = 60 * minute;
  const counting = (id: string, key?: string): FunctionDefinition & { calls: number } => {
    const fn = { id, trigger: { event: "shop/order.placed" as const }, key, calls: 0, handler: async () => ++fn.calls };
    return fn;
  };

  it("keeps a finished run for the retention period, then drops it on the next emit; runs in flight stay", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const waiting: FunctionDefinition = {
      id: "waiting",
      trigger: { event: "shop/order.paid" },
      handler: ({ step }) => step.waitForEvent("wait", { event: "shop/order.cancelled", timeout: 10 * hour, match: "data.orderId" }),
    };
    const r = runner([counting("quick"), waiting]);
    await r.emit([placed(randomUUID()), paid(randomUUID())]);
    await r.settled();

    vi.setSystemTime(59 * minute);
    await r.emit(placed(randomUUID()));
    await r.settled();
    expect(r.runs.map((run) => run.functionId)).toEqual(["quick", "waiting", "quick"]);

    vi.setSystemTime(61 * minute);
    await r.emit(placed(randomUUID()));
    await r.settled();
    expect(r.runs.map((run) => [run.functionId, run.status])).toEqual([
      ["waiting", "running"],
      ["quick", "completed"],
      ["quick", "completed"],
    ]);
  });

  it("keeps at most maxFinishedRuns finished runs, dropping the oldest first", async () => {
    const r = runner([counting("quick")], { maxFinishedRuns: 2 });
    for (let i = 0; i < 6; i++) {
      await r.emit(placed(randomUUID()));
      await r.idle();
    }
    expect(r.runs.map((run) => run.output)).toEqual([4, 5, 6]);
  });

  it("drops a repeated event id within 24 hours and delivers it again after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const fn = counting("every");
    const r = runner([fn]);
    const event = { ...placed(randomUUID()), id: "outbox-row-1" };
    await r.emit(event);
    vi.setSystemTime(24 * hour - minute);
    await r.emit(event);
    await r.idle();
    expect(fn.calls).toBe(1);

    vi.setSystemTime(24 * hour + minute);
    await r.emit(event);
    await r.idle();
    expect(fn.calls).toBe(2);
  });

  it("starts no second run for a key within 24 hours, and one after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const fn = counting("keyed", "orderId");
    const r = runner([fn]);
    const orderId = randomUUID();
    await r.emit(placed(orderId));
    vi.setSystemTime(23 * hour);
    await r.emit(placed(orderId));
    await r.idle();
    expect(fn.calls).toBe(1);

    vi.setSystemTime(24 * hour + minute);
    await r.emit(placed(orderId));
    await r.idle();
    expect(fn.calls).toBe(2);
  });
});
