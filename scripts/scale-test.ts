// `npm run scale-test`: two production instances of the app on one PostgreSQL behind a round-robin load balancer,
// then a flash sale and a signed-in checkout that alternates between the instances. Exits 1 when a check fails.
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { buildIsCurrent, buildNext, startGroup, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { startLoadBalancer } from "./load-balancer";
import { ShopClient } from "./http-client";
import { checkNodeVersion, checkWebPort } from "./preflight";
import { flashSale, liveFeedOnBoth, outboxDeliveries, sharedSignInLimit, signedInCheckout, type Check, type Deps } from "./scale-checks";

const PORTS = [3123, 3124];
const PG_DIR = ".data/pg-scale";
const BUYERS = Number(process.env.SCALE_BUYERS || 200);
const UNITS = Number(process.env.SCALE_UNITS || 50);
const distDir = process.env.NEXT_DIST_DIR || ".next";

checkNodeVersion();
for (const port of PORTS) await checkWebPort(port, "start");
// scripts/dev-database reads these when it loads, so they are set before the dynamic import below.
process.env.EMBEDDED_PG_DIR = PG_DIR;
process.env.EMBEDDED_PG_PORT = "54421";
const embedded = !process.env.DATABASE_URL;
if (embedded) rmSync(PG_DIR, { recursive: true, force: true });
const { openDevDatabase } = await import("./dev-database");
const { seedDatabase } = await import("../db/seed");

const random = () => randomBytes(24).toString("hex");
const secrets = { NEXTAUTH_SECRET: random(), LINK_SIGNING_SECRET: `scale:${random()}`, STRIPE_WEBHOOK_SECRET: `whsec_${random()}` };
const database = await openDevDatabase();
const instances = PORTS.map((port) => `http://127.0.0.1:${port}`);
const balancer = await startLoadBalancer(instances);
const servers: ReturnType<typeof startGroup>[] = [];
const stopAll = async () => {
  await Promise.all(servers.map((server) => stopProcessGroup(server)));
  await balancer.close();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

let failed = true;
try {
  if (embedded || process.env.SCALE_RESEED === "1") await seedDatabase(database.db, { products: 20, demoUsers: true });
  else throw new Error("DATABASE_URL is set: the scale test reseeds its database, so set SCALE_RESEED=1 to let it wipe that one");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: database.url,
    // Where the shop says it lives: the load balancer, as a public URL would be.
    NEXTAUTH_URL: balancer.url,
    PAYMENTS_SIMULATOR: "1",
    LOG_LEVEL: "warn",
  };
  if (buildIsCurrent(distDir)) console.log(`${distDir} is newer than every source file: reusing it`);
  else await buildNext(distDir, { ...env, NODE_ENV: "production" });
  for (const port of PORTS) {
    servers.push(startGroup("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "inherit", "inherit"] }));
  }
  await Promise.all(servers.map((server, i) => waitForServer(`${instances[i]}/api/ready`, server, 120_000)));
  console.log(`two instances (${instances.join(", ")}) on one PostgreSQL, behind ${balancer.url}`);

  const deps: Deps = { db: database.db, balancer, instances, webhookSecret: secrets.STRIPE_WEBHOOK_SECRET, client: (address) => new ShopClient(address) };
  const checks: Check[] = [
    await flashSale(deps, { buyers: BUYERS, units: UNITS }),
    await signedInCheckout(deps),
    await sharedSignInLimit(deps),
    await outboxDeliveries(deps),
    await liveFeedOnBoth(deps),
  ];

  console.log("\nresults");
  for (const check of checks) console.log(`${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}`);
  console.log("\nthroughput per instance through the load balancer (flash sale):");
  for (const count of balancer.counts) console.log(`  ${count.upstream}: ${count.requests} requests, ${count.errors5xx} 5xx`);
  console.log(`\nholds only with an Inngest server (INNGEST_DEV=1 or INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY; none runs here, so these
instances use their in-process runners): a run lives in the instance whose relay sent its event, so stopping that
instance loses its runs in flight (the sweeper in either instance repairs the orders); with Inngest, runs survive any
instance and one run per order holds across instances for 24 hours. Events themselves are delivered once either way.`);
  failed = checks.some((check) => !check.ok);
  // .ci/run counts each check as a test.
  if (process.env.SCALE_TEST_REPORT) {
    writeFileSync(process.env.SCALE_TEST_REPORT, JSON.stringify({ passed: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).length }));
  }
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
