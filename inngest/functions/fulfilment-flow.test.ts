import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications, shipments } from "@/db/schema";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { receiveCarrierWebhook } from "@/server/shipping/receive-carrier-webhook";
import { deliveryOrder, trackingTimeline } from "@/server/shipping/tracking-timeline";
import { signCarrierWebhook } from "@/server/shipping/verify-carrier-webhook";
import { useTestDatabase } from "@/test/db";
import { checkout, installTestRunner, reportPayment, stockedVariant } from "./saga-test-kit";

const t = useTestDatabase({ max: 20 });
const simulator = createSimulatorProvider();
const SECRET = "fulfilment-flow-secret";
let shop: Awaited<ReturnType<typeof seedShop>>;
let kit: Awaited<ReturnType<typeof installTestRunner>>;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.EASYPOST_WEBHOOK_SECRET = SECRET;
  shop = await seedShop(t.db);
});
beforeEach(async () => {
  kit = await installTestRunner(t.db, simulator);
});
afterEach(() => kit.stop());

describe("fulfilment on the in-process runner", () => {
  it("a paid order from two warehouses: two labels bought, tracked to delivered, each milestone emailed once per shipment", async () => {
    const variantId = await stockedVariant(t.db, shop, { east: 1, west: 1 });
    const { orderId } = await checkout(t.db, simulator, { variantId, quantity: 2 });
    // The saga waits for the order to be paid; a payment announced before that wait begins is not heard by it, and
    // idle() below would then wait for the saga until the reservation expires (15 minutes: a CI run timed out on it).
    await kit.settled();
    await reportPayment(t.db, orderId, "succeeded");
    await kit.idle();

    const made = await t.db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.warehouseId));
    expect(made.map((s) => s.status)).toEqual(["label_purchased", "label_purchased"]);
    expect(kit.failed).toEqual([]);

    for (const shipment of made) {
      const timeline = trackingTimeline("normal", { trackingCode: shipment.trackingCode!, carrier: shipment.carrier!, startedAt: shipment.labelPurchasedAt! });
      for (const event of deliveryOrder(timeline)) {
        const payload = JSON.stringify(event);
        const answer = await receiveCarrierWebhook({ db: t.db, actor: { type: "webhook", source: "carrier" } }, { payload, signature: signCarrierWebhook(payload, SECRET) });
        expect(answer.status).toBe(200);
      }
    }
    await kit.idle();

    const after = await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.orderId, orderId));
    expect(after.map((s) => s.status)).toEqual(["delivered", "delivered"]);
    for (const shipment of made) {
      const emails = await t.db
        .select({ kind: notifications.kind, status: notifications.status })
        .from(notifications)
        .where(and(eq(notifications.subjectId, shipment.id), eq(notifications.channel, "email")))
        .orderBy(asc(notifications.kind));
      expect(emails).toEqual([
        { kind: "delivered", status: "sent" },
        { kind: "out-for-delivery", status: "sent" },
        { kind: "shipped", status: "sent" },
      ]);
    }
  });
});
