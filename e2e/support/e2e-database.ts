import { test } from "@playwright/test";
import postgres from "postgres";

/** A connection to the database the e2e server runs on (scripts/e2e.ts starts it), closed after the calling spec file. */
export function e2eDatabase(): postgres.Sql {
  const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54407}/emporium`, { max: 1, onnotice: () => {} });
  test.afterAll(() => sql.end());
  return sql;
}
