import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { insertCart, insertShopper, seedShop, stockOf } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { useTestDatabase } from "@/test/db";
import { installTestRunner, snapshot, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: Awaited<ReturnType<typeof installTestRunner>> | undefined;

beforeAll(async () => {
  shop = await seedShop(t.db);
});
afterEach(async () => {
  await kit?.stop();
  kit = undefined;
});

/** Runs test/crash-after-commit.ts, which commits a change with its event and is killed before sending it. */
async function crashAfterCommit(args: Record<string, unknown>): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const child = spawn(process.execPath, ["--import", tsx, path.resolve("test/crash-after-commit.ts"), JSON.stringify({ url: t.url, ...args })], {
    env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve("tsconfig.json") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
  return out;
}

const undelivered = async () => (await t.db.execute<{ name: string }>(sql`select name from outbox where delivered_at is null order by seq`)).map((r) => r.name);
const sagaRuns = (runs: { functionId: string }[]) => runs.filter((r) => r.functionId === "checkout-saga").length;

/** The restarted app: a new runner and relay, whose first drain (at start) is the sweep that finds what the crash left. */
async function restart() {
  kit = await installTestRunner(t.db, simulator);
  await kit.relay.wake();
  expect(await undelivered()).toEqual([]);
  return kit;
}

async function placeAndCrash(variantId: number, quantity: number, ttlMs?: number) {
  const userId = await insertShopper(t.db);
  const cartId = await insertCart(t.db, { userId, lines: [{ variantId, quantity }] });
  const orderId = await crashAfterCommit({ action: "place", cartId, userId, ttlMs });
  // The order's event is what the crash left behind (stock announcements such as low-stock or product.changed may join it).
  expect((await undelivered()).filter((name) => name.startsWith("shop/order."))).toEqual(["shop/order.placed"]);
  return orderId;
}

// Each test starts two or three TypeScript processes; on a loaded two-core runner that alone can take half a minute.
describe("a process killed between commit and send", { timeout: 120_000 }, () => {
  it("order placed, then the payment's success: each event is delivered after restart within one sweep, the saga runs once, the order ends paid", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 3, west: 0 });
    const orderId = await placeAndCrash(variantId, 2);

    const first = await restart();
    await first.settled();
    const firstRuns = sagaRuns(first.runner.runs);
    expect((await snapshot(t.db, orderId, variantId)).order.status).toBe("pending");
    await first.stop();

    await crashAfterCommit({ action: "pay", orderId });
    expect(await undelivered()).toEqual(["shop/payment.succeeded"]);
    const second = await restart();
    await second.settled();

    expect(firstRuns + sagaRuns(second.runner.runs)).toBe(1);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "paid", paymentStatus: "succeeded" });
    expect(after.stock.levels[0]).toEqual({ warehouseId: shop.east, onHand: 1, reserved: 0 });
    expect(after.timeline.filter((type) => type === "paid")).toHaveLength(1);
  });

  it("order placed and never paid: after restart the saga runs once and cancels it at expiry, returning the stock", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 2, west: 0 });
    const before = await stockOf(t.db, variantId);
    const orderId = await placeAndCrash(variantId, 2, 1_500);

    const restarted = await restart();
    await restarted.idle();

    expect(sagaRuns(restarted.runner.runs)).toBe(1);
    const after = await snapshot(t.db, orderId, variantId);
    expect(after.order).toMatchObject({ status: "cancelled", cancelReason: "payment not received before the reservation expired" });
    expect(after.stock).toEqual(before);
  });
});
