import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { createDb } from "../db/client";
import { startDatabase, type RunningDatabase } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { stopProcessGroup, waitForServer } from "./support/server-process";

// The image copies <distDir>/standalone and <distDir>/static and runs `node server.js`: this does the same from a copy
// of the build output in a temporary folder, so nothing from the checkout (source, full node_modules) can help it.
const distDir = process.env.NEXT_DIST_DIR || ".next";
const standalone = path.join(distDir, "standalone");
const PORT = 3117;
const BASE_URL = `http://127.0.0.1:${PORT}`;

test.skip(!existsSync(path.join(standalone, "server.js")), `no standalone build in ${standalone}: run next build first`);

let folder: string | undefined;
let database: RunningDatabase | undefined;
let server: ChildProcess | undefined;

test.afterAll(async () => {
  if (server) await stopProcessGroup(server);
  await database?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("the standalone server starts from the build output alone and serves a product page", async ({ page }) => {
  test.setTimeout(180_000);
  folder = mkdtempSync(path.join(tmpdir(), "emporium-standalone-"));
  cpSync(standalone, folder, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(distDir, "static"), path.join(folder, distDir, "static"), { recursive: true });

  // Its own database, so its background jobs never touch the one the other specs use.
  database = await startDatabase({ dataDir: ".data/pg-e2e-standalone", port: 54408, persistent: false });
  const url = `${database.serverUrl}/postgres`;
  await migrateDatabase(url);
  const db = createDb(url, { max: 1 });
  await seedDatabase(db, { products: 12, demoUsers: false });
  const [product] = await db.execute<{ slug: string; title: string }>(sql`select slug, title from products where status = 'active' order by id limit 1`);
  await db.$client.end();
  expect(product).toBeDefined();

  const child = spawn(process.execPath, ["server.js"], {
    cwd: folder,
    detached: true,
    stdio: "inherit",
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: url,
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "standalone-check-session-secret-0123456789",
      LINK_SIGNING_SECRET: "check:standalone-check-link-secret-0123456789",
      STRIPE_WEBHOOK_SECRET: "whsec_standalone_check",
      PAYMENTS_SIMULATOR: "1",
    },
  });
  server = child;
  await waitForServer(`${BASE_URL}/api/health`, child, 60_000);
  await expect.poll(async () => (await fetch(`${BASE_URL}/api/ready`)).status, { timeout: 30_000 }).toBe(200);

  await page.goto(`${BASE_URL}/p/${product!.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product!.title })).toBeVisible();
});
