import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "@/db/client";

/**
 * A fresh database for one test file, cloned from the migrated template, dropped afterwards.
 * Call at the top of a test file; read `.db` inside tests and hooks.
 */
export function useTestDatabase(options: { max?: number } = {}) {
  const handle = {} as { db: Db; url: string };
  const name = `test_${randomBytes(6).toString("hex")}`;
  const serverUrl = inject("databaseServerUrl");
  beforeAll(async () => {
    const admin = createDb(`${serverUrl}/postgres`, { max: 1 });
    await admin.execute(sql.raw(`create database ${name} template ${inject("templateDatabase")}`));
    await admin.$client.end();
    handle.url = `${serverUrl}/${name}`;
    handle.db = createDb(handle.url, { max: options.max ?? 10 });
  });
  afterAll(async () => {
    await handle.db?.$client.end();
    const admin = createDb(`${serverUrl}/postgres`, { max: 1 });
    await admin.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.$client.end();
  });
  return handle;
}
