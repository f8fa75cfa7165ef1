import { randomUUID } from "node:crypto";
import { NonRetriableError } from "inngest";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReceivedEvent } from "./events";
import { InProcessRunner, type RunRecord } from "./runner";
import type { FunctionDefinition } from "./step";

const runners: InProcessRunner[] = [];
function runner(functions: FunctionDefinition[]) {
  const failed: RunRecord[] = [];
  const r = new InProcessRunner(functions, { backoffMs: () => 0, onRunFailed: (run) => failed.push(run) });
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
