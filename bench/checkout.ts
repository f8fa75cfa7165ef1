// The checkout half of `npm run bench`: buyers placing orders and paying through the simulator until the saga marks them paid,
// then placeOrder alone, in-process on PostgreSQL, and pgbench running the same transaction in raw SQL as the ceiling.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createSimulatorProvider } from "../server/payments/simulator-provider";
import { guestContext, installBenchRunner, placeAndPay, placeOnly, prepareGuestCarts } from "./checkout-buyer";
import { runLoad, type Iteration } from "./checkout-load";
import { runPgbench } from "./checkout-pgbench";
import { measureRelay } from "./outbox-relay";
import { openCheckoutBenchDatabase } from "./checkout-setup";
import { childPidsNamed } from "./cpu";
import type { ScenarioResult } from "./measure";
import { formatTable } from "./report";

const CONCURRENCY = [8, 64];
const durationMs = Number(process.env.BENCH_DURATION ?? 10) * 1000;
const CARTS_PER_RUN = Number(process.env.BENCH_CHECKOUT_CARTS ?? 25_000);
const WARM_UP_MS = 2000;

const database = await openCheckoutBenchDatabase(160);
const payments = createSimulatorProvider();
const databasePids = database.embedded ? childPidsNamed("postgres") : [];
const stopAll = () => database.close();
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** Runs `place` for `concurrency` buyers, each taking the next prepared guest cart, after a short unmeasured warm-up. */
async function measureCheckout(name: string, concurrency: number, place: (cartId: string) => Promise<number>) {
  const carts = await prepareGuestCarts(database.db, database.variantIds, CARTS_PER_RUN);
  const iteration: Iteration = async () => {
    const cartId = carts.pop();
    return cartId === undefined ? null : place(cartId);
  };
  // Warmed at the highest concurrency, so every pooled connection has prepared its statements before the measured run.
  await runLoad(`${name} warm-up`, { concurrency: Math.max(...CONCURRENCY), durationMs: WARM_UP_MS, databasePids }, iteration);
  const result = await runLoad(name, { concurrency, durationMs, databasePids }, iteration);
  if (carts.length === 0) console.warn(`  ${name}: ran out of prepared carts; raise BENCH_CHECKOUT_CARTS`);
  for (const message of result.firstErrors) console.warn(`  ${name} error: ${message}`);
  console.log(`  ${name}: ${result.requests} orders, ${result.errors} errors`);
  return result;
}

try {
  console.log(`checkout bench: ${database.embedded ? "embedded PostgreSQL (fsync on)" : "DATABASE_URL"}, ${durationMs / 1000} s per run, ${database.variantIds.length} variants`);
  const results: ScenarioResult[] = [];
  for (const concurrency of CONCURRENCY) {
    const { untilPaid, stop } = await installBenchRunner(database.db, payments);
    results.push(await measureCheckout(`place→paid c=${concurrency}`, concurrency, (cartId) => placeAndPay(guestContext(database.db, payments, cartId), cartId, untilPaid)));
    await stop();
    const [left] = await database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from orders o join payments p on p.order_id = o.id where p.status = 'succeeded' and o.status = 'pending'`);
    console.log(`  place→paid c=${concurrency}: ${left!.n} orders left pending with their payment taken`);
  }
  // No runner or relay: shop/order.placed stays in the outbox, so this times placeOrder's own work (its outbox row included).
  for (const concurrency of CONCURRENCY) {
    results.push(await measureCheckout(`placeOrder c=${concurrency}`, concurrency, (cartId) => placeOnly(guestContext(database.db, payments, cartId), cartId)));
  }

  const relay = await measureRelay(database.url, { rows: 20_000, relays: 2, databasePids });
  const pgbenchOptions = { seconds: durationMs / 1000, vmin: database.variantIds[0]!, vmax: database.variantIds.at(-1)!, warehouseId: database.warehouseId, databasePids };
  const pgbench = runPgbench(database.url, { ...pgbenchOptions, clients: 8 });
  // Placed and paid at 64 clients: payments that queue on a shared row of the dashboard's totals show here.
  const pgbenchPaid = runPgbench(database.url, { ...pgbenchOptions, clients: 64, paid: true });
  const bare8 = results.find((r) => r.scenario === "placeOrder c=8")!;
  console.log(`\n${formatTable(results)}\n(one req = one order; CPU ms are per completed order)\n`);
  console.log(`outbox relay, ${relay.relays} relays draining ${relay.rows} rows: ${relay.eventsPerSecond.toFixed(0)} events/s${relay.databaseCpuMsPerEvent === null ? "" : `, db CPU ${relay.databaseCpuMsPerEvent.toFixed(3)} ms/event`}`);
  if ("skipped" in pgbench) console.log(`pgbench skipped: ${pgbench.skipped}`);
  else {
    const share = (100 * bare8.requestsPerSecond) / pgbench.tps;
    const cpu = pgbench.databaseCpuMsPerTransaction === null ? "" : `, db CPU ${pgbench.databaseCpuMsPerTransaction.toFixed(2)} ms/tx`;
    console.log(`pgbench checkout-shaped transaction, ${pgbench.clients} clients, ${pgbench.seconds} s: ${pgbench.tps.toFixed(0)} tps${cpu}`);
    console.log(`placeOrder at 8 buyers: ${bare8.requestsPerSecond.toFixed(0)} orders/s = ${share.toFixed(0)}% of that ceiling (target 25%)`);
  }
  if ("skipped" in pgbenchPaid) console.log(`pgbench (placed and paid) skipped: ${pgbenchPaid.skipped}`);
  else console.log(`pgbench placed-and-paid transaction, ${pgbenchPaid.clients} clients, ${pgbenchPaid.seconds} s: ${pgbenchPaid.tps.toFixed(0)} tps`);

  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `checkout-${startedAt.replace(/:/g, "-")}.json`);
  const meta = { commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(), node: process.version, cpus: os.cpus().length };
  writeFileSync(file, JSON.stringify({ startedAt, ...meta, database: database.embedded ? "embedded" : "DATABASE_URL", durationMs, results, relay, pgbench, pgbenchPaid }, null, 2) + "\n");
  console.log(`written to ${file}`);
} finally {
  await stopAll();
}
