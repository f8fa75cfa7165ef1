// The sign-in part of `npm run bench`: the CPU one password sign-in costs (argon2id verify, in-process and through the
// production server's next-auth route), and the catalogue list's p99 while 20 sign-ins per second run beside it,
// against its quiet p99: the proof that hashing cannot starve the shop. Prints figures; asserts nothing.
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { sql } from "drizzle-orm";
import { assertPortFree, buildIsCurrent, buildNext, startGroup, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { createDb } from "../db/client";
import { percentile } from "./checkout-load";
import { cpuMs } from "./cpu";
import { trpcPath } from "./trpc";

// scripts/dev-database reads these when it loads, so they are set before the dynamic imports below.
process.env.EMBEDDED_PG_DIR = ".data/pg-bench-signin";
process.env.EMBEDDED_PG_PORT = "54417";
const { openDevDatabase } = await import("../scripts/dev-database");
const { serverEnvironment } = await import("../scripts/server-environment");
const { seedDatabase } = await import("../db/seed");
const { hashPassword, verifyPassword } = await import("../server/users/password");

const PORT = 3110;
const DIST_DIR = ".next-bench";
const baseUrl = `http://127.0.0.1:${PORT}`;
const SIGN_INS_PER_SECOND = 20;
const PHASE_MS = Number(process.env.BENCH_SIGNIN_SECONDS ?? 15) * 1000;
const CATALOGUE_READERS = 4;
const PASSWORD = "bench sign-in passphrase";
const EMAIL = "signin-bench@emporium.test";

await assertPortFree(PORT);
Object.assign(process.env, serverEnvironment(process.env, { production: false, port: PORT }));
const database = await openDevDatabase();
process.env.DATABASE_URL = database.url;
const db = createDb(database.url, { max: 2 });
let server: ChildProcess | undefined;
const stopAll = async () => {
  if (server) await stopProcessGroup(server);
  await db.$client.end();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** CPU and wall time of one argon2id verify in this process (its thread pool included), over `n` in a row. */
async function verifyCost(hash: string, n = 40) {
  await verifyPassword(PASSWORD, hash);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < n; i++) await verifyPassword(PASSWORD, hash);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / n, wallMs: (performance.now() - started) / n };
}

/** A browser's CSRF cookie and token for next-auth's credentials callback, fetched once and reused. */
async function csrf() {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}

/** Fires sign-ins at a steady rate (open loop: a slow answer does not slow the next) until `until`; their latencies and failures. */
async function signInsAtRate(until: number, auth: { csrfToken: string; cookie: string }) {
  const latencies: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const body = new URLSearchParams({ csrfToken: auth.csrfToken, email: EMAIL, password: PASSWORD, json: "true", callbackUrl: "/" }).toString();
  const one = async () => {
    const sent = performance.now();
    const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: auth.cookie }, body });
    await response.arrayBuffer();
    if (!response.headers.getSetCookie().some((c) => c.includes("session-token="))) failures++;
    latencies.push(performance.now() - sent);
  };
  for (let next = performance.now(); next < until; next += 1000 / SIGN_INS_PER_SECOND) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    inFlight.push(one());
  }
  await Promise.all(inFlight);
  return { count: latencies.length, failures, p50Ms: percentile(latencies.sort((a, b) => a - b), 50), p99Ms: percentile(latencies, 99) };
}

/** `CATALOGUE_READERS` shoppers listing the catalogue back to back until `until`; each answer's latency. */
async function catalogueUntil(until: number) {
  const path = trpcPath("catalog.listProducts", { limit: 24 });
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CATALOGUE_READERS }, async () => {
      while (performance.now() < until) {
        const sent = performance.now();
        const response = await fetch(baseUrl + path);
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - sent);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

const round = (n: number) => Math.round(n * 100) / 100;

try {
  const [count] = await db.execute<{ n: number }>(sql`select count(*)::int as n from products`);
  if (count!.n === 0) await seedDatabase(db, { products: 600, demoUsers: false });
  const hash = await hashPassword(PASSWORD);
  await db.execute(sql`insert into users (email, name, password_hash) values (${EMAIL}, 'Bench', ${hash})
                       on conflict (lower(email)) do update set password_hash = excluded.password_hash`);
  await db.execute(sql`delete from rate_limits`);
  const local = await verifyCost(hash);

  const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXTAUTH_URL: baseUrl };
  if (buildIsCurrent(DIST_DIR)) console.log(`${DIST_DIR} is newer than every source file: reusing it`);
  else await buildNext(DIST_DIR, env);
  server = startGroup("node_modules/.bin/next", ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  await waitForServer(baseUrl, server, 60_000);
  const pids = [server.pid!];
  const auth = await csrf();
  await catalogueUntil(performance.now() + 3000);
  await signInsAtRate(performance.now() + 2000, auth);

  const quiet = await catalogueUntil(performance.now() + PHASE_MS);
  const signInCpuBefore = cpuMs(pids);
  const alone = await signInsAtRate(performance.now() + PHASE_MS / 3, auth);
  const serverCpuPerSignIn = (cpuMs(pids) - signInCpuBefore) / alone.count;
  const until = performance.now() + PHASE_MS;
  const [loaded, beside] = await Promise.all([catalogueUntil(until), signInsAtRate(until, auth)]);

  console.log(`\nsign-in (argon2id m=19456 KiB, t=2, p=1), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} cores`);
  console.log(`  argon2id verify in-process: ${round(local.cpuMs)} ms CPU, ${round(local.wallMs)} ms wall per sign-in`);
  console.log(`  through next start (/api/auth/callback/credentials, ${alone.count} at ${SIGN_INS_PER_SECOND}/s): ${round(serverCpuPerSignIn)} ms server CPU per sign-in, p50 ${round(alone.p50Ms)} / p99 ${round(alone.p99Ms)} ms, ${alone.failures} failed`);
  console.log(`  catalogue list (${CATALOGUE_READERS} readers) quiet: ${quiet.requests} requests, p50 ${round(quiet.p50Ms)} / p99 ${round(quiet.p99Ms)} ms`);
  console.log(`  catalogue list with ${SIGN_INS_PER_SECOND} sign-ins/s beside it: ${loaded.requests} requests, p50 ${round(loaded.p50Ms)} / p99 ${round(loaded.p99Ms)} ms (${round(loaded.p99Ms / quiet.p99Ms)}x quiet; target under 2x)`);
  console.log(`  the sign-ins meanwhile: ${beside.count}, p50 ${round(beside.p50Ms)} / p99 ${round(beside.p99Ms)} ms, ${beside.failures} failed`);
} finally {
  await stopAll();
}
