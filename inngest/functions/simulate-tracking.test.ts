import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, outbox, shipmentEvents, shipments } from "@/db/schema";
import { selectOrder } from "@/server/orders/order-queries";
import { buyShipmentLabel } from "@/server/shipping/buy-shipment-label";
import { createShipmentsForOrder } from "@/server/shipping/create-shipments-for-order";
import { receiveCarrierWebhook } from "@/server/shipping/receive-carrier-webhook";
import { planSimulatedTracking } from "@/server/shipping/simulated-tracking";
import { fulfilmentContext, paidOrder, weighedVariant, type Shop } from "@/server/shipping/test-fixtures";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { useTestDatabase } from "@/test/db";
import type { FunctionDeps } from "./order-state";
import { scriptedStep } from "./saga-test-kit";
import { runSimulateTracking } from "./simulate-tracking";

const t = useTestDatabase({ max: 10 });
const MS_PER_HOUR = 5;
let shop: Shop;
let server: Server;
/** What our webhook route answered, per delivery. */
const answered: number[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.EASYPOST_WEBHOOK_SECRET = "simulate-tracking-secret";
  process.env.CARRIER_SIMULATOR_TRACKING = String(MS_PER_HOUR);
  // The shop's own webhook route, as the app serves it: the raw body and signature into receiveCarrierWebhook.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const answer = await receiveCarrierWebhook(
        { db: t.db, actor: { type: "webhook", source: "carrier" } },
        { payload: Buffer.concat(chunks).toString("utf8"), signature: (req.headers["x-hmac-signature"] as string | undefined) ?? null },
      );
      answered.push(answer.status);
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shop = await seedShop(t.db);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A paid order whose one label the simulator sold; `line2` picks the script. */
async function boughtShipment(line2?: string) {
  const ctx = fulfilmentContext(t.db);
  const variantId = await weighedVariant(t.db, shop, { east: 1, west: 0 });
  const orderId = await paidOrder(t.db, [{ variantId, quantity: 1 }]);
  if (line2) {
    const [order] = await t.db.select({ address: orders.shippingAddress }).from(orders).where(eq(orders.id, orderId));
    await t.db.update(orders).set({ shippingAddress: { ...order!.address, line2 } }).where(eq(orders.id, orderId));
  }
  const [shipmentId] = await createShipmentsForOrder(ctx, { orderId });
  await buyShipmentLabel(ctx, { shipmentId: shipmentId! });
  return { ctx, orderId, shipmentId: shipmentId! };
}

async function play(ctx: ReturnType<typeof fulfilmentContext>, orderId: string, shipmentId: string) {
  const deps: FunctionDeps = { context: () => ctx };
  const sleeps: number[] = [];
  const scripted = scriptedStep();
  const step = { ...scripted.step, sleep: async (id: string, ms: number) => (sleeps.push(ms), scripted.step.sleep(id, ms)) };
  answered.length = 0;
  const result = await runSimulateTracking({ event: { name: "shop/label.purchased", data: { orderId, shipmentId } }, step }, deps);
  return { result, sleeps, ids: scripted.ids };
}

describe("simulate-tracking", () => {
  it("buying a label announces it once, for the simulator to play", async () => {
    const { shipmentId } = await boughtShipment();
    expect(await t.db.select({ name: outbox.name }).from(outbox).where(eq(outbox.dedupeKey, `shipment-${shipmentId}-label`))).toEqual([{ name: "shop/label.purchased" }]);
  });

  it("posts the normal script as signed webhooks to our route, duplicates and out of order, at compressed carrier time: the order ends delivered", async () => {
    const { ctx, orderId, shipmentId } = await boughtShipment();

    const { sleeps, ids } = await play(ctx, orderId, shipmentId);

    expect(answered.length).toBeGreaterThan(6); // six scans, some sent twice
    expect(answered.every((s) => s === 200)).toBe(true);
    expect(ids.filter((id) => id.startsWith("post-"))).toHaveLength(answered.length);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(70 * MS_PER_HOUR); // the script's 70 hours, compressed
    const [row] = await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, shipmentId));
    expect(row!.status).toBe("delivered");
    expect((await selectOrder(t.db, orderId))!.order.fulfilmentStatus).toBe("delivered");
    const events = await t.db.select({ status: shipmentEvents.carrierStatus }).from(shipmentEvents).where(eq(shipmentEvents.shipmentId, shipmentId));
    expect(events.filter((e) => e.status === "delivered")).toHaveLength(1); // the redelivered last event was dropped by the inbox
  });

  it("plays the script the address names: an exception stays an exception", async () => {
    const { ctx, orderId, shipmentId } = await boughtShipment("Flat 2 (exception)");
    await play(ctx, orderId, shipmentId);
    const [row] = await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, shipmentId));
    expect(row!.status).toBe("exception");
  });

  it("plays nothing for another carrier's label", async () => {
    const { ctx, shipmentId } = await boughtShipment();
    expect(await planSimulatedTracking({ ...ctx, carrier: { ...ctx.carrier!, name: "easypost" } }, { shipmentId })).toBeNull();
  });
});
