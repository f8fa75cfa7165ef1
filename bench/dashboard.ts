// The dashboard part of `npm run bench`: the admin dashboard's procedure on 50,000 products and 50,000 orders, in-process.
// Reports latency, this process's CPU and the database's per request: its CPU (embedded PostgreSQL's processes) and the
// time it spent executing the request's statements (pg_stat_database.active_time). Target: under 50 ms database time.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { runLoad } from "./checkout-load";
import { childPidsNamed } from "./cpu";
import { BENCH_PRODUCTS, openBenchDatabase } from "./database";
import { formatTable } from "./report";

const BENCH_ORDERS = 50_000;
const CONCURRENCY = [1, 4];
const durationMs = Number(process.env.BENCH_DURATION ?? 10) * 1000;

const database = await openBenchDatabase();
const { serverEnvironment } = await import("../scripts/server-environment");
Object.assign(process.env, serverEnvironment(process.env, { production: false }), { DATABASE_URL: database.url });
const { createDb } = await import("../db/client");
const { seedDatabase } = await import("../db/seed");
const { seedOrderHistory } = await import("../db/seed-orders");
const { getDashboard } = await import("../server/admin/get-dashboard");
const db = createDb(database.url, { max: 10 });
const stopAll = async () => {
  await db.$client.end();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** Milliseconds the database has spent executing statements, once every backend has reported (they do when idle, at most each second). */
async function activeTimeMs(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const [row] = await db.execute<{ ms: number }>(sql`select active_time::float8 as ms from pg_stat_database where datname = current_database()`);
  return row!.ms;
}

try {
  const [found] = await db.execute<{ n: number }>(sql`select count(*)::int as n from orders`);
  if (found!.n !== BENCH_ORDERS) {
    // The history replaces every order: the catalogue seed wipes them (and carts) first.
    if (found!.n > 0) await seedDatabase(db, { products: BENCH_PRODUCTS, demoUsers: false });
    const started = Date.now();
    await seedOrderHistory(db, { orders: BENCH_ORDERS });
    console.log(`seeded ${BENCH_ORDERS} orders in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const [admin] = await db.execute<{ id: string }>(sql`
    insert into users (email, name, role) values ('bench-admin@emporium.test', 'Bench Admin', 'admin')
    on conflict (lower(email)) do update set role = 'admin' returning id`);
  const ctx = { db, actor: { type: "admin" as const, userId: admin!.id } };
  const databasePids = database.embedded ? childPidsNamed("postgres") : [];
  const iteration = async () => {
    const started = performance.now();
    await getDashboard(ctx);
    return performance.now() - started;
  };

  console.log(`dashboard bench: ${BENCH_PRODUCTS} products, ${BENCH_ORDERS} orders, ${durationMs / 1000} s per run`);
  await runLoad("warm-up", { concurrency: Math.max(...CONCURRENCY), durationMs: 2000, databasePids }, iteration);
  const results = [];
  for (const concurrency of CONCURRENCY) {
    const before = await activeTimeMs();
    const result = await runLoad(`dashboard c=${concurrency}`, { concurrency, durationMs, databasePids }, iteration);
    const databaseMsPerRequest = (await activeTimeMs()) - before;
    for (const message of result.firstErrors) console.warn(`  error: ${message}`);
    results.push({ ...result, databaseTimeMsPerRequest: databaseMsPerRequest / Math.max(result.requests, 1) });
  }
  console.log(`\n${formatTable(results)}\n`);
  for (const r of results) console.log(`${r.scenario}: database time ${r.databaseTimeMsPerRequest.toFixed(1)} ms/request (target < 50)`);

  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `dashboard-${startedAt.replace(/:/g, "-")}.json`);
  const meta = { commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(), node: process.version, cpus: os.cpus().length };
  writeFileSync(file, JSON.stringify({ startedAt, ...meta, database: database.embedded ? "embedded" : "DATABASE_URL", orders: BENCH_ORDERS, durationMs, results }, null, 2) + "\n");
  console.log(`written to ${file}`);
} finally {
  await stopAll();
}
