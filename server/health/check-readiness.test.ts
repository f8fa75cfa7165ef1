import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { useTestDatabase } from "@/test/db";
import { parseEnv } from "../env";
import { checkReadiness, readinessResponse } from "./check-readiness";

const testDb = useTestDatabase();
// A database that missed the newest migration.
const behind = useTestDatabase({ max: 1 });
const baseEnv = { DATABASE_URL: "postgres://unused/emporium", NEXTAUTH_SECRET: "n".repeat(32), STRIPE_WEBHOOK_SECRET: "whsec_test", LINK_SIGNING_SECRET: `test:${"k".repeat(40)}` };
const env = (extra: Record<string, string> = {}) => parseEnv({ ...baseEnv, ...extra });

/** A TCP relay in front of the test database that can be stopped and started again, as a database restart looks to the app. */
function databaseRelay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  return {
    url: () => Object.assign(new URL(target), { port: String(port) }).toString(),
    start: () =>
      new Promise<void>((resolve) => {
        server = createServer((client) => {
          const upstream = connect(Number(target.port), target.hostname);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on("close", () => sockets.delete(socket));
            socket.on("error", () => {});
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, "127.0.0.1", () => {
          port = (server!.address() as AddressInfo).port;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server) server.close(() => resolve());
        else resolve();
      }),
  };
}

async function readinessStatus(db: Db, extra?: Record<string, string>) {
  const response = readinessResponse(await checkReadiness({ db, env: env(extra), timeoutMs: 1_000 }));
  return { status: response.status, body: await response.json() };
}

describe("checkReadiness", () => {
  let relay: ReturnType<typeof databaseRelay>;
  let relayed: Db;
  let meilisearch: HttpServer;
  let meilisearchUrl: string;

  beforeAll(async () => {
    relay = databaseRelay(new URL(testDb.url));
    await relay.start();
    relayed = createDb(relay.url(), { max: 2 });
    meilisearch = createHttpServer((request, response) => {
      response.writeHead(request.url === "/health" ? 200 : 404, { "content-type": "application/json" }).end('{"status":"available"}');
    });
    await new Promise<void>((resolve) => meilisearch.listen(0, "127.0.0.1", resolve));
    meilisearchUrl = `http://127.0.0.1:${(meilisearch.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await relayed?.$client.end({ timeout: 1 });
    await relay?.stop();
    meilisearch?.close();
  });

  it("is ready on a migrated database, with every unconfigured service named and not failing", async () => {
    const { status, body } = await readinessStatus(testDb.db);
    expect(status).toBe(200);
    expect(body.ready).toBe(true);
    expect(body.services.database).toEqual({ status: "ok" });
    expect(body.services.migrations.status).toBe("ok");
    expect(body.services.search).toEqual({ status: "not configured", detail: "PostgreSQL full-text search" });
    expect(body.services.jobs).toEqual({ status: "not configured", detail: "in-process runner" });
    expect(body.services.payments).toEqual({ status: "not configured", detail: "payment simulator" });
  });

  it("answers 503 with the database down while it is stopped, and 200 again once it is back", async () => {
    expect((await readinessStatus(relayed)).status).toBe(200);
    await relay.stop();
    const down = await readinessStatus(relayed);
    expect(down.status).toBe(503);
    expect(down.body.services.database.status).toBe("failing");
    await relay.start();
    await expect.poll(async () => (await readinessStatus(relayed)).status, { timeout: 10_000 }).toBe(200);
  });

  it("is not ready while a migration is pending, naming it", async () => {
    await behind.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    const { status, body } = await readinessStatus(behind.db);
    expect(status).toBe(503);
    expect(body.services.database).toEqual({ status: "ok" });
    expect(body.services.migrations.detail).toMatch(/^pending: 0\d{3}_\w+ \(run npm run db:migrate\)$/);
  });

  it("calls a configured Meilisearch, Inngest dev server and SMTP catcher, and fails when one does not answer", async () => {
    const answering = await readinessStatus(testDb.db, { MEILISEARCH_HOST: meilisearchUrl, INNGEST_DEV: "1", INNGEST_BASE_URL: meilisearchUrl });
    expect(answering.status).toBe(200);
    expect(answering.body.services.search).toEqual({ status: "ok" });
    expect(answering.body.services.jobs).toEqual({ status: "ok" });
    const silent = await readinessStatus(testDb.db, { MEILISEARCH_HOST: "http://127.0.0.1:9" });
    expect(silent.status).toBe(503);
    expect(silent.body.services.search).toEqual({ status: "failing", detail: "unreachable" });
    const smtp = await readinessStatus(testDb.db, { SMTP_URL: `smtp://127.0.0.1:${new URL(meilisearchUrl).port}` });
    expect(smtp.body.services.email).toEqual({ status: "ok", detail: "dev mailbox relaying to SMTP" });
    const noCatcher = await readinessStatus(testDb.db, { SMTP_URL: "smtp://127.0.0.1:9" });
    expect([noCatcher.status, noCatcher.body.services.email.status]).toEqual([503, "failing"]);
  });

  it("reports Stripe, Resend and Inngest Cloud keys as configured without calling them or showing them", async () => {
    const secrets = { STRIPE_SECRET_KEY: "sk_test_secret_value", RESEND_API_KEY: "re_secret_value", EMAIL_FROM: "shop@example.com", INNGEST_EVENT_KEY: "evt_secret", INNGEST_SIGNING_KEY: "signkey-secret" };
    const { status, body } = await readinessStatus(testDb.db, secrets);
    expect(status).toBe(200);
    expect([body.services.payments.status, body.services.email.status, body.services.jobs.status]).toEqual(["configured", "configured", "configured"]);
    const text = JSON.stringify(body);
    for (const value of [...Object.values(secrets), testDb.url, "postgres:"]) expect(text).not.toContain(value);
  });
});
