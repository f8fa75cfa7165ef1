import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { drainOutbox } from "@/inngest/relay";
import { InProcessRunner } from "@/inngest/runner";
import { systemContext, withTransaction } from "@/server/context";
import { writeEvent } from "@/server/events/write-event";
import { useTestDatabase } from "@/test/db";
import { withRequestLog } from "./with-request-log";

const t = useTestDatabase({ max: 4 });
let lines: Record<string, unknown>[] = [];
let stripeWebhook: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  // The app's logger is made on first use: make it log here, and read what it writes.
  process.env.LOG_LEVEL = "info";
  process.env.STRIPE_SECRET_KEY = "sk_test_escaping_secret_123";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    for (const line of String(chunk).split("\n").filter((l) => l.startsWith("{"))) lines.push(JSON.parse(line));
    return true;
  });
  ({ POST: stripeWebhook } = await import("./webhooks/stripe/route"));
});
afterAll(() => vi.restoreAllMocks());
beforeEach(() => {
  lines = [];
});

const post = (headers: Record<string, string> = {}) =>
  stripeWebhook(new Request("http://shop.test/api/webhooks/stripe?token=abc", { method: "POST", headers: { "stripe-signature": "t=1,v1=forged", ...headers }, body: "{}" }));

describe("request ids in the logs", () => {
  it("keeps the id a proxy set, echoes it in the response and writes the request's line under it", async () => {
    const response = await post({ "x-request-id": "lb-7f3a.42" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBe("lb-7f3a.42");
    expect(lines).toContainEqual(expect.objectContaining({ msg: "request", requestId: "lb-7f3a.42", method: "POST", path: "/api/webhooks/stripe", status: 400 }));
    expect(JSON.stringify(lines)).not.toContain("token=abc");
  });

  it("gives each request without a usable id a fresh one, so two requests never share an id", async () => {
    const [a, b, forged] = await Promise.all([post(), post(), post({ "x-request-id": 'x","level":60,"y":"' })]);
    const ids = [a, b, forged].map((r) => r.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(3);
    expect(lines.filter((l) => l.msg === "request").map((l) => l.requestId).sort()).toEqual([...ids].sort());
  });

  it("logs an error that escapes a handler under the request's id with its secrets masked, and answers 500 without its message", async () => {
    const failing = withRequestLog(async () => {
      throw new Error("provider refused sk_test_escaping_secret_123");
    });
    const response = await failing(new Request("http://shop.test/api/anything", { headers: { "x-request-id": "req-500" } }));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "Something went wrong on our side", requestId: "req-500" });
    const requestLines = lines.filter((l) => l.requestId === "req-500");
    expect(requestLines.map((l) => l.msg)).toEqual(["request failed", "request"]);
    expect(JSON.stringify(requestLines)).not.toContain("sk_test_escaping_secret_123");
  });

  it("carries a request's id through the event it wrote to the background function that failed on it", async () => {
    const runner = new InProcessRunner(
      [{ id: "always-fails", trigger: { event: "shop/order.placed" }, handler: () => Promise.reject(new Error("carrier down")) }],
      { backoffMs: () => 0 },
    );
    const checkout = withRequestLog(async () => {
      await withTransaction(systemContext(t.db, "test"), (tx) => writeEvent(tx, { name: "shop/order.placed", data: { orderId: randomUUID() } }));
      return Response.json({ ok: true });
    });
    const response = await checkout(new Request("http://shop.test/api/trpc/checkout.placeOrder", { method: "POST" }));
    const requestId = response.headers.get("x-request-id");
    await drainOutbox(t.db, (events) => runner.emit(events));
    await runner.idle();
    runner.stop();
    expect(lines).toContainEqual(expect.objectContaining({ msg: "background function failed after its retries", functionId: "always-fails", requestId }));
  });
});
