import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import type { Actor } from "../context";
import { withRequestId } from "../log";
import { insertUser } from "../orders/test-fixtures";
import { givenRequestId } from "../request-id";
import { createCaller } from "./root";

const t = useTestDatabase();
let admin: Actor;

beforeAll(async () => {
  admin = { type: "admin", userId: await insertUser(t.db, "admin") };
});

const reindexRequestIds = async () =>
  (await t.db.execute<{ requestId: string | null }>(sql`select request_id as "requestId" from outbox where name = 'shop/search.reindex-requested' order by created_at`)).map(
    (row) => row.requestId,
  );

describe("request ids through tRPC", () => {
  it("a server component's call carries the id proxy.ts gave its page request; a route handler's keeps its own", async () => {
    await createCaller({ db: t.db, actor: admin, requestId: "page-7f3a" }).adminSearch.reindex();
    await withRequestId("route-42", () => createCaller({ db: t.db, actor: admin, requestId: "route-42" }).adminSearch.reindex());
    await createCaller({ db: t.db, actor: admin }).adminSearch.reindex();
    expect(await reindexRequestIds()).toEqual(["page-7f3a", "route-42", null]);
  });

  it("takes the id a proxy sent only when it is a plain token", () => {
    expect(givenRequestId(new Headers({ "x-request-id": "lb-7f3a.42" }))).toBe("lb-7f3a.42");
    expect(givenRequestId(new Headers({ "x-request-id": "two words" }))).toBeNull();
    expect(givenRequestId(new Headers({ "x-request-id": "x".repeat(129) }))).toBeNull();
    expect(givenRequestId(new Headers())).toBeNull();
  });
});
