import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox, shipmentEvents, shipmentLines, shipments } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { buyShipmentLabel } from "./buy-shipment-label";
import { createShipmentsForOrder } from "./create-shipments-for-order";
import { listFulfilmentQueue } from "./list-fulfilment-queue";
import { markShipmentShipped } from "./mark-shipment-shipped";
import { countingSimulator, fulfilmentContext, paidOrder, weighedVariant, type Shop } from "./test-fixtures";
import { voidShipmentLabel } from "./void-shipment-label";

const t = useTestDatabase({ max: 20 });
let shop: Shop;
const adminActor = { type: "admin", userId: "00000000-0000-4000-8000-000000000001" } as const;
const adminOn = (carrier = countingSimulator()) => ({ ...fulfilmentContext(t.db, carrier), actor: adminActor }) satisfies ServiceContext;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  shop = await seedShop(t.db);
});

async function pendingShipment(quantity = 2) {
  const variantId = await weighedVariant(t.db, shop, { east: quantity, west: 0 });
  const orderId = await paidOrder(t.db, [{ variantId, quantity }]);
  const [shipmentId] = await createShipmentsForOrder(fulfilmentContext(t.db), { orderId });
  return { orderId, shipmentId: shipmentId! };
}

const row = async (id: string) => (await t.db.select().from(shipments).where(eq(shipments.id, id)))[0]!;

describe("voidShipmentLabel", () => {
  it("voids a bought label (refunded at the carrier), cancels the shipment, and a replacement with the same lines buys a new label: two labels, one voided", async () => {
    const carrier = countingSimulator();
    const admin = adminOn(carrier);
    const { shipmentId } = await pendingShipment();
    const first = await buyShipmentLabel(admin, { shipmentId });

    const { shipmentId: replacement } = await voidShipmentLabel(admin, { shipmentId });
    const rebought = await buyShipmentLabel(admin, { shipmentId: replacement });

    expect(await row(shipmentId)).toMatchObject({ status: "cancelled" });
    expect(await row(replacement)).toMatchObject({ status: "label_purchased", parentId: shipmentId });
    expect(first.outcome === "bought" && rebought.outcome === "bought" && first.trackingCode !== rebought.trackingCode).toBe(true);
    expect(carrier.purchases).toBe(2);
    const lines = await t.db.select({ s: shipmentLines.shipmentId, q: shipmentLines.quantity }).from(shipmentLines).where(eq(shipmentLines.shipmentId, replacement));
    expect(lines).toEqual([{ s: replacement, q: 2 }]);
    const timeline = await t.db.select({ status: shipmentEvents.status, detail: shipmentEvents.detail }).from(shipmentEvents).where(eq(shipmentEvents.shipmentId, shipmentId)).orderBy(asc(shipmentEvents.id));
    expect(timeline.map((e) => e.status)).toEqual(["label_purchased", "cancelled"]);
    expect(timeline[1]!.detail).toMatch(/voided; postage refund refunded/);
  });

  it("four voids at once make one replacement; voiding again answers it", async () => {
    const admin = adminOn();
    const { orderId, shipmentId } = await pendingShipment();
    await buyShipmentLabel(admin, { shipmentId });

    const answers = await Promise.all(Array.from({ length: 4 }, () => voidShipmentLabel(admin, { shipmentId })));
    const again = await voidShipmentLabel(admin, { shipmentId });

    expect(new Set([...answers, again].map((a) => a.shipmentId)).size).toBe(1);
    expect(await t.db.select({ id: shipments.id }).from(shipments).where(eq(shipments.orderId, orderId))).toHaveLength(2);
  });

  it("refuses a pending shipment, a parcel that moved, and a shopper", async () => {
    const admin = adminOn();
    const { shipmentId } = await pendingShipment();
    await expect(voidShipmentLabel(admin, { shipmentId })).rejects.toMatchObject({ kind: "Conflict" });
    await buyShipmentLabel(admin, { shipmentId });
    await expect(voidShipmentLabel({ ...admin, actor: { type: "shopper", userId: "x" } }, { shipmentId })).rejects.toMatchObject({ kind: "Forbidden" });
    await t.db.update(shipments).set({ status: "in_transit" }).where(eq(shipments.id, shipmentId));
    await expect(voidShipmentLabel(admin, { shipmentId })).rejects.toMatchObject({ kind: "Conflict" });
  });
});

describe("markShipmentShipped", () => {
  it("announces the parcel shipped once, and refuses a tracking number another parcel of that carrier has", async () => {
    const admin = adminOn();
    const [a, b] = [await pendingShipment(1), await pendingShipment(1)];

    await markShipmentShipped(admin, { shipmentId: a.shipmentId, carrier: "DHL", trackingCode: "JD014600000001" });

    expect(await row(a.shipmentId)).toMatchObject({ status: "in_transit", carrier: "DHL", trackingCode: "JD014600000001", labelKey: null });
    const events = await t.db.select({ name: outbox.name }).from(outbox).where(eq(outbox.dedupeKey, `shipment-${a.shipmentId}-in_transit`));
    expect(events).toEqual([{ name: "shop/shipment.shipped" }]);
    await expect(markShipmentShipped(admin, { shipmentId: b.shipmentId, carrier: "DHL", trackingCode: "JD014600000001" })).rejects.toMatchObject({
      kind: "Conflict",
      fieldErrors: { trackingCode: expect.any(String) },
    });
    await expect(markShipmentShipped(admin, { shipmentId: a.shipmentId, carrier: "DHL", trackingCode: "JD014600000002" })).rejects.toMatchObject({ kind: "Conflict" });
  });
});

describe("listFulfilmentQueue", () => {
  it("lists shipments of paid orders not yet shipped, oldest paid first, with age and contents; shipped and cancelled ones leave it", async () => {
    const admin = adminOn();
    const older = await pendingShipment(2);
    const bought = await pendingShipment(1);
    const shipped = await pendingShipment(1);
    await buyShipmentLabel(admin, { shipmentId: bought.shipmentId });
    await markShipmentShipped(admin, { shipmentId: shipped.shipmentId, carrier: "UPS", trackingCode: "1Z999AA10123456784" });

    const { items } = await listFulfilmentQueue(admin, { page: 1, pageSize: 100 });
    const ours = items.filter((i) => [older, bought, shipped].some((s) => s.shipmentId === i.shipmentId));

    expect(ours.map((i) => [i.shipmentId, i.status, i.hasLabel])).toEqual([
      [older.shipmentId, "pending", false],
      [bought.shipmentId, "label_purchased", true],
    ]);
    expect(ours[0]!.contents).toMatch(/^2 × /);
    expect(ours[0]!.ageSeconds).toBeGreaterThanOrEqual(0);
    const paidTimes = items.map((i) => i.paidAt.getTime());
    expect(paidTimes).toEqual([...paidTimes].sort((x, y) => x - y));
    await expect(listFulfilmentQueue({ ...admin, actor: { type: "anonymous" } }, { page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: "Unauthenticated" });
  });
});
