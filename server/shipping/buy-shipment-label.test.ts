import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shipmentEvents, shipments } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "../checkout/checkout-test-fixtures";
import { buyShipmentLabel } from "./buy-shipment-label";
import type { Carrier } from "./carrier";
import { SIMULATED_CARRIER } from "./carrier-simulator";
import { createShipmentsForOrder } from "./create-shipments-for-order";
import { countingSimulator, fulfilmentContext, paidOrder, weighedVariant, type Shop } from "./test-fixtures";

const t = useTestDatabase({ max: 20 });
let shop: Shop;

beforeAll(async () => {
  // The tracking URL falls back to the order page on the shop's URL: the environment must validate, as in the app.
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  shop = await seedShop(t.db);
});

async function pendingShipment(shippingMethod = "Ground") {
  const variantId = await weighedVariant(t.db, shop, { east: 1, west: 0 });
  const orderId = await paidOrder(t.db, [{ variantId, quantity: 1 }], { shippingMethod });
  const [shipmentId] = await createShipmentsForOrder(fulfilmentContext(t.db), { orderId });
  return shipmentId!;
}

const row = async (id: string) => (await t.db.select().from(shipments).where(eq(shipments.id, id)))[0]!;

describe("buyShipmentLabel", () => {
  it("buys the label at the rate of the chosen service, stores our PDF and moves the shipment to label_purchased", async () => {
    const carrier = countingSimulator();
    const ctx = fulfilmentContext(t.db, carrier);
    const [standard, express] = [await pendingShipment("standard"), await pendingShipment("Express")];

    const answers = [await buyShipmentLabel(ctx, { shipmentId: standard }), await buyShipmentLabel(ctx, { shipmentId: express })];

    expect(answers).toEqual([
      { outcome: "bought", trackingCode: expect.stringMatching(/^SIM\d{12}$/) },
      { outcome: "bought", trackingCode: expect.stringMatching(/^SIM\d{12}$/) },
    ]);
    const [a, b] = [await row(standard), await row(express)];
    expect(a).toMatchObject({ status: "label_purchased", carrier: SIMULATED_CARRIER, service: "Ground", trackingCode: answers[0]!.outcome === "bought" && answers[0]!.trackingCode, buyingSince: null });
    expect(b).toMatchObject({ status: "label_purchased", service: "Express" });
    expect(a.labelPurchasedAt).toBeInstanceOf(Date);
    expect(a.trackingUrl).toMatch(new RegExp(`/orders/${a.orderId}$`));
    const pdf = await ctx.storage!.get(a.labelKey!);
    expect(pdf?.contentType).toBe("application/pdf");
    expect(Buffer.from(pdf!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await t.db.select({ status: shipmentEvents.status }).from(shipmentEvents).where(eq(shipmentEvents.shipmentId, standard))).toEqual([{ status: "label_purchased" }]);
    expect(carrier.purchases).toBe(2);
  });

  it("buys once at the carrier when asked again while the first purchase is still at the carrier", async () => {
    const simulator = countingSimulator();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The first buyer's purchase is held at the carrier until the others have asked.
    const held: Carrier = { ...simulator, buyLabel: (input) => gate.then(() => simulator.buyLabel(input)) };
    const ctx = fulfilmentContext(t.db, held);
    const shipmentId = await pendingShipment();

    const first = buyShipmentLabel(ctx, { shipmentId });
    await expect.poll(async () => (await row(shipmentId)).buyingSince).toBeInstanceOf(Date);
    const others = await Promise.all(Array.from({ length: 5 }, () => buyShipmentLabel(ctx, { shipmentId })));
    open();

    expect((await first).outcome).toBe("bought");
    expect(others).toEqual(Array.from({ length: 5 }, () => ({ outcome: "in-progress" })));
    expect(await buyShipmentLabel(ctx, { shipmentId })).toEqual({ outcome: "not-pending", status: "label_purchased" });
    expect(simulator.buyCalls).toBe(1);
    expect(simulator.purchases).toBe(1);
  });

  it("two buyers racing for the claim: one purchase at the carrier", async () => {
    const carrier = countingSimulator();
    const ctx = fulfilmentContext(t.db, carrier);
    const shipmentId = await pendingShipment();

    const answers = await Promise.all(Array.from({ length: 2 }, () => buyShipmentLabel(ctx, { shipmentId })));

    expect(answers.filter((a) => a.outcome === "bought")).toHaveLength(1);
    expect(carrier.buyCalls).toBe(1);
    expect(carrier.purchases).toBe(1);
  });

  it("gives the claim back when the carrier fails, and the retry gets the label bought under the same key, not a second one", async () => {
    const simulator = countingSimulator();
    let failTracker = true;
    // The purchase went through but the tracker call failed: the buyer never learnt its label.
    const flaky: Carrier = {
      ...simulator,
      buyLabel: (input) => simulator.buyLabel(input),
      createTracker: async (input) => {
        if (failTracker) throw new Error("carrier unreachable");
        return simulator.createTracker(input);
      },
    };
    const ctx = fulfilmentContext(t.db, flaky);
    const shipmentId = await pendingShipment();

    await expect(buyShipmentLabel(ctx, { shipmentId })).rejects.toThrow("carrier unreachable");
    expect(await row(shipmentId)).toMatchObject({ status: "pending", buyingSince: null, rateId: expect.stringMatching(/^rate_sim_/) });
    failTracker = false;
    const retried = await buyShipmentLabel(ctx, { shipmentId });

    expect(retried.outcome).toBe("bought");
    expect(simulator.buyCalls).toBe(2);
    expect(simulator.purchases).toBe(1);
  });

  it("refuses shoppers and webhooks, and an unknown shipment is NotFound", async () => {
    const shipmentId = await pendingShipment();
    await expect(buyShipmentLabel({ db: t.db, actor: { type: "shopper", userId: "u1" } }, { shipmentId })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(buyShipmentLabel({ db: t.db, actor: { type: "webhook", source: "carrier" } }, { shipmentId })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(buyShipmentLabel(fulfilmentContext(t.db), { shipmentId: crypto.randomUUID() })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
