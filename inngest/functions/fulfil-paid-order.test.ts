import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shipments, shippingSettings } from "@/db/schema";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { createShipmentsForOrder } from "@/server/shipping/create-shipments-for-order";
import { countingSimulator, fulfilmentContext, paidOrder, shippedQuantities, weighedVariant, type Shop } from "@/server/shipping/test-fixtures";
import { useTestDatabase } from "@/test/db";
import type { FunctionDeps } from "./order-state";
import { runFulfilPaidOrder } from "./fulfil-paid-order";
import { scriptedStep } from "./saga-test-kit";

const t = useTestDatabase({ max: 10 });
let shop: Shop;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  shop = await seedShop(t.db);
});

/** An order of 3 units reserved from both warehouses (1 east, 2 west), paid. */
async function splitOrder() {
  const variantId = await weighedVariant(t.db, shop, { east: 1, west: 2 });
  return paidOrder(t.db, [{ variantId, quantity: 3 }]);
}

function fulfil(orderId: string, deps: FunctionDeps, failAt?: string) {
  const scripted = scriptedStep({ failAt });
  const run = runFulfilPaidOrder({ event: { name: "shop/order.paid", data: { orderId }, id: `evt-${orderId}` }, step: scripted.step }, deps);
  return { run, ids: scripted.ids };
}

const statuses = async (orderId: string) => (await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.orderId, orderId)).orderBy(shipments.warehouseId)).map((s) => s.status);

describe("fulfil-paid-order", () => {
  it("makes a shipment per warehouse and buys each label, once however often the event comes", async () => {
    const carrier = countingSimulator();
    const ctx = fulfilmentContext(t.db, carrier);
    const deps: FunctionDeps = { context: () => ctx };
    const orderId = await splitOrder();

    const first = fulfil(orderId, deps);
    await first.run;
    const ids = (await t.db.select({ id: shipments.id }).from(shipments).where(eq(shipments.orderId, orderId)).orderBy(shipments.warehouseId)).map((s) => s.id);
    await fulfil(orderId, deps).run;

    expect(first.ids).toEqual(["create-shipments", ...ids.map((id) => `buy-label-${id}`)]);
    expect(await statuses(orderId)).toEqual(["label_purchased", "label_purchased"]);
    expect(await shippedQuantities(t.db, orderId)).toEqual([expect.objectContaining({ ordered: 3, shipped: 3, shipments: 2 })]);
    expect(carrier.purchases).toBe(2);
    expect(carrier.buyCalls).toBe(2);
  });

  it("leaves the shipments pending for the admin when automatic purchase is off", async () => {
    const carrier = countingSimulator();
    const ctx = fulfilmentContext(t.db, carrier);
    await t.db.insert(shippingSettings).values({ autoBuyLabels: false }).onConflictDoUpdate({ target: shippingSettings.id, set: { autoBuyLabels: false } });
    try {
      const orderId = await splitOrder();
      const fulfilled = fulfil(orderId, { context: () => ctx });
      await fulfilled.run;

      expect(fulfilled.ids).toEqual(["create-shipments"]);
      expect(await statuses(orderId)).toEqual(["pending", "pending"]);
      expect(carrier.buyCalls).toBe(0);
    } finally {
      await t.db.delete(shippingSettings);
    }
  });

  it("a run that fails before or between label purchases is retried to the end without a second purchase", async () => {
    const carrier = countingSimulator();
    const ctx = fulfilmentContext(t.db, carrier);
    const deps: FunctionDeps = { context: () => ctx };
    const orderId = await splitOrder();

    await expect(fulfil(orderId, deps, "create-shipments").run).rejects.toThrow("scripted failure at create-shipments");
    expect(await statuses(orderId)).toEqual([]);
    // The step is idempotent: the shipments a retry will find are the ones made now.
    const [east, west] = await createShipmentsForOrder(ctx, { orderId });
    await expect(fulfil(orderId, deps, `buy-label-${west}`).run).rejects.toThrow(`scripted failure at buy-label-${west}`);
    expect(await statuses(orderId)).toEqual(["label_purchased", "pending"]);
    const retry = fulfil(orderId, deps);
    await retry.run;

    expect(retry.ids).toEqual(["create-shipments", `buy-label-${east}`, `buy-label-${west}`]);
    expect(await statuses(orderId)).toEqual(["label_purchased", "label_purchased"]);
    expect(carrier.buyCalls).toBe(2);
    expect(carrier.purchases).toBe(2);
  });
});
