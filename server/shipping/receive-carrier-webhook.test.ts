import { count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox, shipmentEvents, webhookInbox } from "@/db/schema";
import { Random } from "@/db/seed-random";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "../checkout/checkout-test-fixtures";
import { SIMULATED_CARRIER } from "./carrier-simulator";
import { receiveCarrierWebhook } from "./receive-carrier-webhook";
import { labelledShipments, statusesOf, type Shop } from "./test-fixtures";
import { trackingTimeline, type TrackerUpdatedEvent, type TrackingScript } from "./tracking-timeline";
import { signCarrierWebhook } from "./verify-carrier-webhook";

const t = useTestDatabase({ max: 12 });
const SECRET = "carrier-webhook-test-secret";
let shop: Shop;

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.EASYPOST_WEBHOOK_SECRET = SECRET;
  shop = await seedShop(t.db);
});

const webhook = { actor: { type: "webhook", source: "carrier" } } as const;
function deliver(event: TrackerUpdatedEvent) {
  const payload = JSON.stringify(event);
  return receiveCarrierWebhook({ db: t.db, ...webhook }, { payload, signature: signCarrierWebhook(payload, SECRET) });
}

const SCRIPTS: TrackingScript[] = ["normal", "delayed", "exception", "return_to_sender"];
const FINAL = { normal: "delivered", delayed: "delivered", exception: "exception", return_to_sender: "returned" } as const;
const startedAt = new Date("2026-12-01T08:00:00Z");

async function fleet(prefix: string, size: number) {
  const codes = Array.from({ length: size }, (_, i) => `${prefix}${String(i).padStart(6, "0")}`);
  const ids = await labelledShipments(t.db, shop, codes, SIMULATED_CARRIER);
  const timelines = codes.map((trackingCode, i) => trackingTimeline(SCRIPTS[i % SCRIPTS.length]!, { trackingCode, carrier: SIMULATED_CARRIER, startedAt }));
  return { ids, timelines };
}

async function milestoneCounts(name: string, ids: string[]) {
  const rows = await t.db
    .select({ shipmentId: sql<string>`${outbox.data}->>'shipmentId'`, n: count() })
    .from(outbox)
    .where(sql`${outbox.name} = ${name} and ${outbox.data}->>'shipmentId' in ${ids}`)
    .groupBy(sql`${outbox.data}->>'shipmentId'`);
  const byId = new Map(rows.map((r) => [r.shipmentId, r.n]));
  return ids.map((id) => byId.get(id) ?? 0);
}

describe("receiveCarrierWebhook", () => {
  it("1,000 tracking webhooks for 50 shipments, duplicated and shuffled, end where the in-order replay ends, with one delivered event each", async () => {
    const shuffled = await fleet("SIMA", 50);
    const inOrder = await fleet("SIMB", 50);
    const unique = shuffled.timelines.flat();
    // Seeded, so a failing shuffle can be replayed.
    const random = new Random(20261203);
    const deliveries = [...unique, ...Array.from({ length: 1000 - unique.length }, () => random.pick(unique))];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
    }

    for (const timeline of inOrder.timelines) for (const event of timeline) expect((await deliver(event)).status).toBe(200);
    const queue = [...deliveries];
    const answers: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let event = queue.shift(); event; event = queue.shift()) answers.push((await deliver(event)).status);
      }),
    );

    expect(answers).toHaveLength(1000);
    expect(answers.every((s) => s === 200)).toBe(true);
    const expected = inOrder.ids.map((_, i) => FINAL[SCRIPTS[i % SCRIPTS.length]!]);
    expect(await statusesOf(t.db, inOrder.ids)).toEqual(expected);
    expect(await statusesOf(t.db, shuffled.ids)).toEqual(await statusesOf(t.db, inOrder.ids));
    const delivered = expected.map((s) => (s === "delivered" ? 1 : 0));
    expect(await milestoneCounts("shop/shipment.delivered", shuffled.ids)).toEqual(delivered);
    expect(await milestoneCounts("shop/shipment.delivered", inOrder.ids)).toEqual(delivered);
    // Every distinct event is on its shipment's timeline once, the late ones included; duplicates stopped at the inbox.
    const [timeline] = await t.db.select({ n: count() }).from(shipmentEvents).where(inArray(shipmentEvents.shipmentId, shuffled.ids));
    expect(timeline!.n).toBe(unique.length);
    const [inbox] = await t.db.select({ n: count() }).from(webhookInbox).where(inArray(webhookInbox.eventId, unique.map((e) => e.id)));
    expect(inbox!.n).toBe(unique.length);
  });

  it("keeps a late in_transit after delivered on the timeline at its carrier time, and changes nothing", async () => {
    const { ids, timelines } = await fleet("SIMC", 1);
    const [pre, received, departed, arrived, out, delivered] = timelines[0]!;

    for (const event of [pre!, delivered!, received!, out!, departed!, arrived!]) await deliver(event);

    expect(await statusesOf(t.db, ids)).toEqual(["delivered"]);
    const rows = await t.db
      .select({ status: shipmentEvents.status, carrierStatus: shipmentEvents.carrierStatus, occurredAt: shipmentEvents.occurredAt })
      .from(shipmentEvents)
      .where(eq(shipmentEvents.shipmentId, ids[0]!))
      .orderBy(shipmentEvents.occurredAt);
    expect(rows.map((r) => [r.carrierStatus, r.occurredAt.toISOString()])).toEqual(
      [pre!, received!, departed!, arrived!, out!, delivered!].map((e) => [e.result.status, e.created_at]),
    );
    const names = (await t.db.select({ name: outbox.name, data: outbox.data }).from(outbox).where(sql`${outbox.data}->>'shipmentId' = ${ids[0]!}`)).map((r) => r.name);
    expect(names).toEqual(["shop/shipment.delivered"]);
  });

  it("announces each milestone reached in order once, with the carrier's time, estimate and tracking", async () => {
    const { ids, timelines } = await fleet("SIMD", 4);
    for (const event of [...timelines[2]!, ...timelines[2]!]) await deliver(event);

    const events = await t.db.select({ name: outbox.name, data: outbox.data }).from(outbox).where(sql`${outbox.data}->>'shipmentId' = ${ids[2]!}`).orderBy(outbox.seq);
    expect(events.map((e) => e.name)).toEqual(["shop/shipment.shipped", "shop/shipment.out-for-delivery", "shop/shipment.exception"]);
    const failure = timelines[2]!.find((e) => e.result.status === "failure")!;
    expect(events[2]!.data).toMatchObject({
      shipmentId: ids[2],
      carrier: SIMULATED_CARRIER,
      service: "Ground",
      trackingCode: "SIMD000002",
      trackingUrl: expect.stringMatching(/^https:\/\/shop\.test\/orders\//),
      occurredAt: failure.created_at,
      estimatedDeliveryDate: failure.result.est_delivery_date,
      detail: "Delivery attempted: the address could not be accessed",
    });
  });
});
