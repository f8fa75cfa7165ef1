import { describe, expect, it } from "vitest";
import type { ReceivedEvent, ShopEvent } from "@/server/events/schemas";
import { replayHandler } from "./replay-test-kit";
import type { Step } from "./step";

const orderId = "8b0c4c1e-3f1a-4c55-9a43-5f0d2f6f9a11";

/** A step that performs everything at once and counts what it was asked to do. */
function countingStep(waitAnswers: Record<string, ReceivedEvent | null> = {}) {
  const sent: ShopEvent[] = [];
  const step: Step = {
    run: (_id, fn) => fn(),
    sendEvent: async (_id, events) => sent.push(...[events].flat()),
    sleep: async () => undefined,
    waitForEvent: async (id) => waitAnswers[typeof id === "string" ? id : id.id] ?? null,
  };
  return { step, sent };
}

describe("replayed runs", () => {
  it("calls each step's fn once however often the handler is called again from the top", async () => {
    const calls: Record<string, number> = {};
    const effect = (name: string) => async () => {
      calls[name] = (calls[name] ?? 0) + 1;
      return name;
    };
    const { step, sent } = countingStep();
    const replayed = await replayHandler(async (s) => {
      const a = await s.run("a", effect("a"));
      await s.sleep("nap", 10);
      const b = await s.run("b", effect("b"));
      await s.sendEvent("announce", { name: "shop/order.paid", data: { orderId } });
      const c = await s.run("c", effect("c"));
      return [a, b, c].join("");
    }, step);

    expect(replayed).toMatchObject({ output: "abc", invocations: 6, performed: ["a", "nap", "b", "announce", "c"] });
    expect(calls).toEqual({ a: 1, b: 1, c: 1 });
    expect(sent).toHaveLength(1);
  });

  it("gives the nth use of an id in one invocation its own memo entry", async () => {
    let calls = 0;
    const replayed = await replayHandler(async (s) => {
      const seen: number[] = [];
      for (let i = 0; i < 3; i++) seen.push(await s.run("item", async () => (calls++, i)));
      return seen;
    }, countingStep().step);

    expect(replayed.output).toEqual([0, 1, 2]);
    expect(replayed.performed).toEqual(["item", "item:1", "item:2"]);
    expect(calls).toBe(3);
  });

  it("skips an index the handler uses as an id of its own", async () => {
    const replayed = await replayHandler(async (s) => [await s.run("x:1", async () => "own"), await s.run("x", async () => "first"), await s.run("x", async () => "second")], countingStep().step);
    expect(replayed.output).toEqual(["own", "first", "second"]);
    expect(replayed.performed).toEqual(["x:1", "x", "x:2"]);
  });

  it("memoises a failed step: replays rethrow its error without performing it again", async () => {
    let attempts = 0;
    const replayed = await replayHandler(async (s) => {
      const failure = await s
        .run("charge", async () => {
          attempts++;
          throw new Error("card declined");
        })
        .catch((error: Error) => error.message);
      const after = await s.run("after", async () => "went on");
      return { failure, after };
    }, countingStep().step);

    expect(replayed.output).toEqual({ failure: "card declined", after: "went on" });
    expect(replayed.invocations).toBe(3);
    expect(attempts).toBe(1);
  });

  it("answers replayed racers in the order they finished, so the real winner wins again", async () => {
    const cancelled: ReceivedEvent = { name: "shop/order.cancelled", data: { orderId, reason: "x" } };
    const { step } = countingStep({ "wait-cancelled": cancelled });
    const slowNull = { ...step, waitForEvent: async (id, options) => (typeof id === "object" && id.id === "wait-paid" ? new Promise<null>((r) => setTimeout(() => r(null), 5)) : step.waitForEvent(id, options)) } satisfies Step;
    const replayed = await replayHandler(async (s) => {
      const options = { timeout: 60_000, match: "data.orderId" } as const;
      // The loser is listed first: a replay that answered in call order would pick it.
      const winner = await Promise.race([
        s.waitForEvent({ id: "wait-paid", parallelMode: "race" }, { ...options, event: "shop/order.paid" }),
        s.waitForEvent({ id: "wait-cancelled", parallelMode: "race" }, { ...options, event: "shop/order.cancelled" }),
      ]);
      return s.run("after-race", async () => winner?.name ?? "none");
    }, slowNull);

    expect(replayed.output).toBe("shop/order.cancelled");
    expect(replayed.memo.get("wait-paid")).toMatchObject({ ok: true, value: null });
    expect(replayed.invocations).toBe(3);
  });

  it("hands back step.run results as their JSON round trip, as Inngest stores them", async () => {
    const replayed = await replayHandler(async (s) => s.run("shape", async () => ({ at: new Date(0) }) as never), countingStep().step);
    expect(replayed.output).toEqual({ at: "1970-01-01T00:00:00.000Z" });
  });

  it("reports a handler's own error", async () => {
    const replayed = await replayHandler(async (s) => {
      await s.run("fine", async () => 1);
      throw new Error("handler gave up");
    }, countingStep().step);
    expect((replayed.error as Error).message).toBe("handler gave up");
    expect(replayed.output).toBeUndefined();
  });
});
