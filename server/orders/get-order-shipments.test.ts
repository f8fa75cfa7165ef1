import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, shipments } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "../checkout/checkout-test-fixtures";
import { buyShipmentLabel } from "../shipping/buy-shipment-label";
import { createShipmentsForOrder } from "../shipping/create-shipments-for-order";
import { receiveCarrierWebhook } from "../shipping/receive-carrier-webhook";
import { fulfilmentContext, paidOrder, weighedVariant } from "../shipping/test-fixtures";
import { trackingTimeline } from "../shipping/tracking-timeline";
import { signCarrierWebhook } from "../shipping/verify-carrier-webhook";
import { voidShipmentLabel } from "../shipping/void-shipment-label";
import { getOrder } from "./get-order";
import { orderAccessToken } from "./order-link";
import { insertUser } from "./test-fixtures";

const t = useTestDatabase();
const SECRET = "order-shipments-secret";
let orderId: string;
let shopperId: string;
let trackingCode: string;
let labelAt: Date;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.EASYPOST_WEBHOOK_SECRET = SECRET;
  const shop = await seedShop(t.db);
  shopperId = await insertUser(t.db);
  const variantId = await weighedVariant(t.db, shop, { east: 2, west: 0 });
  orderId = await paidOrder(t.db, [{ variantId, quantity: 2 }]);
  await t.db.update(orders).set({ userId: shopperId }).where(eq(orders.id, orderId));
  const ctx = fulfilmentContext(t.db);
  const admin = { ...ctx, actor: { type: "admin", userId: "00000000-0000-4000-8000-000000000001" } } as const;
  const [first] = await createShipmentsForOrder(ctx, { orderId });
  await buyShipmentLabel(ctx, { shipmentId: first! });
  // The first label is voided: the shopper sees only its replacement.
  const { shipmentId } = await voidShipmentLabel(admin, { shipmentId: first! });
  const bought = await buyShipmentLabel(ctx, { shipmentId });
  trackingCode = bought.outcome === "bought" ? bought.trackingCode : "";
  labelAt = (await t.db.select({ at: shipments.labelPurchasedAt }).from(shipments).where(eq(shipments.id, shipmentId)))[0]!.at!;
  // The carrier's first scan a millisecond after the label (the database keeps microseconds, a Date milliseconds).
  const events = trackingTimeline("normal", { trackingCode, carrier: "SimPost", startedAt: new Date(labelAt.getTime() + 1) });
  // Up to out for delivery, the second and third swapped: the timeline is in carrier time whatever the arrival order.
  for (const event of [events[0]!, events[2]!, events[1]!, events[4]!]) {
    const payload = JSON.stringify(event);
    await receiveCarrierWebhook({ db: t.db, actor: { type: "webhook", source: "carrier" } }, { payload, signature: signCarrierWebhook(payload, SECRET) });
  }
});

describe("the order page's shipments", () => {
  it("the shopper sees each parcel with carrier, tracking number, its timeline by carrier time and the expected date; not the voided one", async () => {
    const order = await getOrder({ db: t.db, actor: { type: "shopper", userId: shopperId } }, { orderId });

    expect(order.fulfilmentStatus).toBe("shipped");
    expect(order.shipments).toHaveLength(1);
    const [parcel] = order.shipments;
    expect(parcel).toMatchObject({ status: "out_for_delivery", carrier: "SimPost", service: "Ground", trackingCode, lines: [expect.objectContaining({ quantity: 2 })] });
    expect(parcel!.events.map((e) => [e.status, Math.round((e.occurredAt.getTime() - labelAt.getTime()) / 3_600_000)])).toEqual([
      ["label_purchased", 0],
      [null, 0],
      ["in_transit", 6],
      ["in_transit", 20],
      ["out_for_delivery", 64],
    ]);
    expect(parcel!.estimatedDeliveryAt!.getTime() - labelAt.getTime()).toBe(70 * 3_600_000 + 1);
    expect(parcel).not.toHaveProperty("hasLabel");
  });

  it("a guest with the signed link sees the same; without it, nothing", async () => {
    const guest = { db: t.db, actor: { type: "anonymous" } } as const;
    const order = await getOrder(guest, { orderId, accessToken: orderAccessToken(orderId) });
    expect(order.shipments.map((s) => s.trackingCode)).toEqual([trackingCode]);
    await expect(getOrder(guest, { orderId })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
