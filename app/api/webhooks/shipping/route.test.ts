import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shipmentEvents, webhookInbox } from "@/db/schema";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import { SIMULATED_CARRIER } from "@/server/shipping/carrier-simulator";
import { CARRIER_WEBHOOK_MAX_BYTES } from "@/server/shipping/receive-carrier-webhook";
import { labelledShipments, statusesOf } from "@/server/shipping/test-fixtures";
import { trackingTimeline } from "@/server/shipping/tracking-timeline";
import { signCarrierWebhook } from "@/server/shipping/verify-carrier-webhook";
import { useTestDatabase } from "@/test/db";

const t = useTestDatabase();
const SECRET = "carrier-route-test-secret";
let POST: (request: Request) => Promise<Response>;
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  // The route reads its database and secret from the environment, as in the app: point them at this file's.
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.EASYPOST_WEBHOOK_SECRET = SECRET;
  ({ POST } = await import("./route"));
  shop = await seedShop(t.db);
});

function post(body: string, signature: string | null = signCarrierWebhook(body, SECRET)) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("x-hmac-signature", signature);
  return POST(new Request("http://shop.test/api/webhooks/shipping", { method: "POST", headers, body }));
}

const inboxCount = async () => (await t.db.select({ n: count() }).from(webhookInbox))[0]!.n;

async function shipmentWithTimeline(trackingCode: string) {
  const [id] = await labelledShipments(t.db, shop, [trackingCode], SIMULATED_CARRIER);
  return { id: id!, events: trackingTimeline("normal", { trackingCode, carrier: SIMULATED_CARRIER, startedAt: new Date("2026-12-01T08:00:00Z") }) };
}

describe("POST /api/webhooks/shipping", () => {
  it("applies a signed tracker.updated: 200, the shipment moves and its timeline grows", async () => {
    const { id, events } = await shipmentWithTimeline("SIMR00000001");
    const response = await post(JSON.stringify(events[1]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(await statusesOf(t.db, [id])).toEqual(["in_transit"]);
    expect(await t.db.select({ status: shipmentEvents.status }).from(shipmentEvents).where(eq(shipmentEvents.shipmentId, id))).toEqual([{ status: "in_transit" }]);
  });

  it("answers 401 and writes nothing for a missing, wrong or tampered signature", async () => {
    const { id, events } = await shipmentWithTimeline("SIMR00000002");
    const body = JSON.stringify(events.at(-1));
    const before = await inboxCount();

    const answers = await Promise.all([
      post(body, null),
      post(body, signCarrierWebhook(body, "somebody-else")),
      post(body.replace('"delivered"', '"in_transit"'), signCarrierWebhook(body, SECRET)),
      post(body, "hmac-sha256-hex=nonsense"),
    ]);

    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await inboxCount()).toBe(before);
    expect(await statusesOf(t.db, [id])).toEqual(["label_purchased"]);
  });

  it("refuses a body over the cap with 413 before reading the signature", async () => {
    const { events } = await shipmentWithTimeline("SIMR00000003");
    const before = await inboxCount();
    const body = JSON.stringify({ ...events[1], padding: "x".repeat(CARRIER_WEBHOOK_MAX_BYTES) });

    const answers = [await post(body), await post(body, null)];

    expect(answers.map((r) => r.status)).toEqual([413, 413]);
    expect(await inboxCount()).toBe(before);
  });

  it("acknowledges a tracker that is not ours with 200 and changes nothing; a redelivery is a duplicate", async () => {
    const stranger = trackingTimeline("normal", { trackingCode: "SIMR99999999", carrier: SIMULATED_CARRIER, startedAt: new Date() })[1]!;
    const first = await post(JSON.stringify(stranger));
    const again = await post(JSON.stringify(stranger));

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, ignored: "unknown tracker" });
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  });

  it("answers 400 for a signed body that is not a carrier event", async () => {
    const answers = [await post("not json"), await post(JSON.stringify({ id: "evt_1", description: "tracker.updated", result: { status: "delivered" } }))];
    expect(answers.map((r) => r.status)).toEqual([400, 400]);
  });
});
