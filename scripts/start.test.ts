import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { useTestDatabase } from "@/test/db";
import { seedServerDatabase } from "./dev-database";

const production = useTestDatabase();
const development = useTestDatabase();
const behind = useTestDatabase();
// An empty working folder: no .env files, and any .data/ the script made would show here.
const cwd = mkdtempSync(path.join(tmpdir(), "emporium-start-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function productionStart(env: Record<string, string>) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return spawnSync(process.execPath, ["--import", tsx, path.resolve("scripts/start.ts")], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"), ...env },
  });
}

describe("NODE_ENV=production npm start", () => {
  it("refuses to start without Stripe or PAYMENTS_SIMULATOR=1 and without secrets, naming each, before any database starts", () => {
    const run = productionStart({});
    expect(run.status).not.toBe(0);
    for (const name of ["NEXTAUTH_SECRET", "LINK_SIGNING_SECRET", "STRIPE_WEBHOOK_SECRET", "STRIPE_SECRET_KEY", "PAYMENTS_SIMULATOR"]) {
      expect(run.stderr).toContain(name);
    }
    expect(run.stdout).not.toContain("database ready");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("refuses the simulator's webhook secret alone: the simulator needs PAYMENTS_SIMULATOR=1", () => {
    const run = productionStart({ NEXTAUTH_SECRET: "s".repeat(40), LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}`, STRIPE_WEBHOOK_SECRET: "whsec_x" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/STRIPE_SECRET_KEY: .*PAYMENTS_SIMULATOR=1/);
    expect(run.stderr).not.toMatch(/NEXTAUTH_SECRET|LINK_SIGNING_SECRET|STRIPE_WEBHOOK_SECRET:/);
    expect(existsSync(path.join(cwd, ".data"))).toBe(false);
  });

  it("never migrates: on a database that lacks a migration it names it and stops before Next starts", async () => {
    const [last] = await behind.db.execute<{ id: number }>(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning id`,
    );
    const secrets = { NEXTAUTH_SECRET: "s".repeat(40), LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}`, STRIPE_WEBHOOK_SECRET: "whsec_x" };
    const run = productionStart({ ...secrets, PAYMENTS_SIMULATOR: "1", DATABASE_URL: behind.url });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/the database lacks migrations 0\d{3}_\w+: run npm run db:migrate first/);
    expect(run.stdout).not.toContain("database ready");
    const [row] = await behind.db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations where id = ${last!.id}`);
    expect(row?.n).toBe(0);
  });

  it("leaves an empty database without demo accounts or a demo catalogue (development seeds both)", async () => {
    const counts = async (db: Db) =>
      (await db.execute<{ users: number; products: number }>(sql`select (select count(*)::int from users) as users, (select count(*)::int from products) as products`))[0];
    await seedServerDatabase(production.db, { production: true, products: 20 });
    await seedServerDatabase(development.db, { production: false, products: 20 });
    expect(await counts(production.db)).toEqual({ users: 0, products: 0 });
    expect(await counts(development.db)).toEqual({ users: 2, products: 20 });
  });
});
