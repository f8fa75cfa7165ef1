// The tracking part of `npm run bench`: 8 senders post signed tracker.updated webhooks (10% sent twice, out of order
// across senders) for 1,000 shipments to the production server's /api/webhooks/shipping, with an Inngest server
// configured (a sink standing in for it), so the figures are the webhooks' own work and the relay's delivery, while the
// shipping emails they set off run wherever Inngest calls (bench/notifications.ts measures those). Then the server
// restarts with its in-process runner, and orders are paid one by one and timed until fulfil-paid-order has bought their labels.
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { assertPortFree, buildIsCurrent, buildNext, startGroup, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { createDb } from "../db/client";
import { SIMULATED_CARRIER } from "../server/shipping/carrier-simulator";
import { trackingTimeline, type TrackerUpdatedEvent } from "../server/shipping/tracking-timeline";
import { signCarrierWebhook } from "../server/shipping/verify-carrier-webhook";
import { databaseCpuMs } from "./checkout-cpu";
import { percentile } from "./checkout-load";
import { childPidsNamed, cpuMs } from "./cpu";
import { startInngestEventSink } from "./inngest-event-sink";

// scripts/dev-database reads these when it loads, so they are set before the dynamic imports below.
process.env.EMBEDDED_PG_DIR = ".data/pg-bench-tracking";
process.env.EMBEDDED_PG_PORT = "54416";
const { openDevDatabase } = await import("../scripts/dev-database");
const { serverEnvironment } = await import("../scripts/server-environment");
const { seedDatabase } = await import("../db/seed");
const { systemContext } = await import("../server/context");
const { reserveStock } = await import("../server/inventory/reserve-stock");
const { completeOrder } = await import("../server/checkout/complete-order");

const PORT = 3109;
const DIST_DIR = ".next-bench";
const baseUrl = `http://127.0.0.1:${PORT}`;
const SHIPMENTS = Number(process.env.BENCH_TRACKING_SHIPMENTS ?? 1000);
const SENDERS = 8;
const DUPLICATE_SHARE = 0.1;
const PAID_ORDERS = 40;

await assertPortFree(PORT);
Object.assign(process.env, serverEnvironment(process.env, { production: false }));
const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
const db = createDb(database.url, { max: 4 });
let server: ChildProcess | undefined;
const stopAll = async () => {
  if (server) await stopProcessGroup(server);
  await db.$client.end();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** 1,000 paid orders, each with one shipment whose label was bought, under tracking codes unique to this run. */
async function labelledShipments(run: string, warehouseId: number): Promise<string[]> {
  const rows = await db.execute<{ trackingCode: string }>(sql`
    with c as (insert into carts (status) select 'ordered' from generate_series(1, ${SHIPMENTS}) returning id),
    o as (
      insert into orders (cart_id, email, status, currency, subtotal_amount, shipping_amount, total_amount,
                          shipping_address, shipping_method, reservation_expires_at, paid_at)
      select id, 'tracking-bench@emporium.test', 'paid', 'USD', 1000, 0, 1000,
             '{"name": "Ada", "line1": "1 Elm St", "city": "Bristol", "postalCode": "BS1 4RN", "country": "GB"}', 'Ground', now(), now()
        from c returning id)
    insert into shipments (order_id, warehouse_id, status, weight_grams, carrier, service, tracking_code, tracking_url, label_key, label_purchased_at)
    select id, ${warehouseId}, 'label_purchased', 500, ${SIMULATED_CARRIER}, 'Ground', ${run} || lpad((row_number() over ())::text, 6, '0'),
           ${`${baseUrl}/orders`}, 'shipments/bench/label.pdf', now()
      from o
    returning tracking_code as "trackingCode"`);
  return rows.map((r) => r.trackingCode);
}

/** Every shipment's normal timeline, interleaved across shipments, with 10% of the events sent a second time later on. */
function deliveries(trackingCodes: string[]): TrackerUpdatedEvent[] {
  const timelines = trackingCodes.map((trackingCode) => trackingTimeline("normal", { trackingCode, carrier: SIMULATED_CARRIER, startedAt: new Date() }));
  const events: TrackerUpdatedEvent[] = [];
  for (let step = 0; timelines.some((t) => t.length > step); step++) for (const t of timelines) if (t[step]) events.push(t[step]!);
  const duplicates = Math.round(events.length * DUPLICATE_SHARE);
  for (let i = 0; i < duplicates; i++) {
    const at = Math.floor((i / duplicates) * events.length);
    events.splice(at + Math.floor(events.length / 20), 0, events[at]!);
  }
  return events;
}

async function sendAll(events: TrackerUpdatedEvent[], secret: string, pids: { server: number[]; database: number[] }) {
  const url = `${baseUrl}/api/webhooks/shipping`;
  const bodies = events.map((e) => JSON.stringify(e));
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const serverBefore = cpuMs(pids.server);
  const databaseBefore = databaseCpuMs(pids.database);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const body = bodies[i]!;
        const sent = performance.now();
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hmac-signature": signCarrierWebhook(body, secret) }, body });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (response.status !== 200 && failures.length < 3) failures.push(`HTTP ${response.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    events: bodies.length,
    eventsPerSecond: bodies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    serverCpuMsPerEvent: (cpuMs(pids.server) - serverBefore) / bodies.length,
    databaseCpuMsPerEvent: pids.database.length > 0 ? (databaseCpuMs(pids.database) - databaseBefore) / bodies.length : null,
    failures,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pays PAID_ORDERS one-line orders a fifth of a second apart and waits for the server to buy their labels. */
async function paidToLabel(variantId: number) {
  const system = systemContext(db, "tracking-bench");
  const orderIds: string[] = [];
  for (let i = 0; i < PAID_ORDERS; i++) {
    const [order] = await db.execute<{ id: string }>(sql`
      with c as (insert into carts (status) values ('ordered') returning id),
      o as (
        insert into orders (cart_id, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, reservation_expires_at)
        select id, 'tracking-bench@emporium.test', 'USD', 1000, 0, 1000,
               '{"name": "Ada", "line1": "1 Elm St", "city": "Bristol", "postalCode": "BS1 4RN", "country": "GB"}', 'Ground', now() + interval '15 minutes'
          from c returning id)
      insert into order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
      select o.id, v.id, v.sku, 'Bench product', v.title, 1000, 1, 1000 from o, variants v where v.id = ${variantId}
      returning order_id as id`);
    await reserveStock(system, { orderId: order!.id, expiresAt: new Date(Date.now() + 15 * 60_000), lines: [{ variantId, quantity: 1 }] });
    await completeOrder(system, { orderId: order!.id });
    orderIds.push(order!.id);
    await sleep(200);
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await db.execute<{ ms: number | null }>(sql`
      select extract(epoch from (max(s.label_purchased_at) - o.paid_at)) * 1000 as ms
        from orders o left join shipments s on s.order_id = o.id
       where o.id = any(${`{${orderIds.join(",")}}`}::uuid[]) group by o.id, o.paid_at`);
    const done = rows.filter((r) => r.ms !== null).map((r) => Number(r.ms));
    if (done.length === orderIds.length || Date.now() > deadline) {
      done.sort((a, b) => a - b);
      return { orders: orderIds.length, labelled: done.length, p50Ms: percentile(done, 50), p99Ms: percentile(done, 99) };
    }
    await sleep(250);
  }
}

try {
  const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
  if (count!.n === 0) await seedDatabase(db, { products: 50, demoUsers: false });
  const [stock] = await db.execute<{ variantId: number; warehouseId: number }>(sql`
    update stock_levels set on_hand = 1000000 where (variant_id, warehouse_id) = (
      select s.variant_id, s.warehouse_id from stock_levels s join variants v on v.id = s.variant_id join products p on p.id = v.product_id
       where p.status = 'active' and p.requires_shipping order by s.variant_id, s.warehouse_id limit 1)
    returning variant_id as "variantId", warehouse_id as "warehouseId"`);

  const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXTAUTH_URL: baseUrl };
  if (buildIsCurrent(DIST_DIR)) console.log(`${DIST_DIR} is newer than every source file: reusing it`);
  else await buildNext(DIST_DIR, env);
  const startServer = async (extra: Record<string, string> = {}) => {
    // Its request log (a line per webhook) goes to /dev/null: written as in production, not onto this report.
    server = startGroup("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env: { ...env, ...extra }, stdio: ["ignore", "ignore", "inherit"] });
    await waitForServer(baseUrl, server, 60_000);
    return { server: [server.pid!], database: childPidsNamed("postgres") };
  };
  const inngest = await startInngestEventSink();
  const pids = await startServer({ INNGEST_DEV: inngest.url });

  const run = `BENCH${Date.now().toString(36).toUpperCase()}`;
  const events = deliveries(await labelledShipments(run, stock!.warehouseId));
  const secret = process.env.EASYPOST_WEBHOOK_SECRET!;
  // Warm-up: the route module, the JIT and the pool's prepared statements, on a tracker nobody has (answered 200, ignored).
  await sendAll(trackingTimeline("normal", { trackingCode: `${run}-WARM`, carrier: SIMULATED_CARRIER, startedAt: new Date() }).flatMap((e) => Array(20).fill(e)), secret, pids);
  console.log(`tracking bench: ${SHIPMENTS} shipments, ${events.length} webhooks (${DUPLICATE_SHARE * 100}% duplicates), ${SENDERS} senders`);
  const tracking = await sendAll(events, secret, pids);
  for (const failure of tracking.failures) console.warn(`  failure: ${failure}`);

  // What the events set off after their answers: the milestones' outbox rows relayed to Inngest.
  const serverBefore = cpuMs(pids.server);
  let drained = false;
  for (let i = 0; i < 240 && !drained; i++) {
    await sleep(500);
    const [left] = await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where delivered_at is null`);
    drained = left!.n === 0;
  }
  await sleep(3000);
  const afterwardsMs = cpuMs(pids.server) - serverBefore;
  const [state] = await db.execute<{ delivered: number; events: number }>(sql`
    select count(*) filter (where s.status = 'delivered')::int as delivered,
           (select count(*)::int from outbox e where e.name = 'shop/shipment.delivered' and e.data->>'trackingCode' like ${`${run}%`}) as events
      from shipments s where s.tracking_code like ${`${run}%`}`);
  const sentToInngest = inngest.received.get("shop/shipment.delivered") ?? 0;
  await stopProcessGroup(server!);
  await inngest.close();

  await startServer();
  const paid = await paidToLabel(stock!.variantId);
  const line = (ms: number | null) => (ms === null ? "n/a" : `${ms.toFixed(2)} ms`);
  console.log(`\ntracking webhooks: ${tracking.eventsPerSecond.toFixed(0)} events/s (target ≥ 500), p50 ${tracking.p50Ms.toFixed(1)} ms, p99 ${tracking.p99Ms.toFixed(1)} ms`);
  console.log(`  server CPU ${line(tracking.serverCpuMsPerEvent)}/event (target ≤ 2 ms), database CPU ${line(tracking.databaseCpuMsPerEvent)}/event`);
  console.log(`  afterwards (the relay sending the milestones to Inngest): ${line(afterwardsMs / tracking.events)}/event of server CPU`);
  console.log(`  ${state!.delivered} of ${SHIPMENTS} shipments delivered, ${state!.events} shop/shipment.delivered outbox rows, ${sentToInngest} sent to Inngest`);
  console.log(`order paid → label purchased (fulfil-paid-order in the server): ${paid.labelled}/${paid.orders} orders, p50 ${paid.p50Ms.toFixed(0)} ms, p99 ${paid.p99Ms.toFixed(0)} ms`);

  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `tracking-${startedAt.replace(/:/g, "-")}.json`);
  const meta = { commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(), node: process.version, cpus: os.cpus().length };
  writeFileSync(file, JSON.stringify({ startedAt, ...meta, shipments: SHIPMENTS, senders: SENDERS, tracking, afterwardsServerCpuMsPerEvent: afterwardsMs / tracking.events, state, sentToInngest, paid }, null, 2) + "\n");
  console.log(`written to ${file}`);
} finally {
  await stopAll();
}
