import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "@/test/db";

const t = useTestDatabase();

describe("users.me", () => {
  it("is null for an anonymous caller", async () => {
    expect(await createCaller({ db: t.db, actor: { type: "anonymous" } }).users.me()).toBeNull();
  });

  it("is the signed-in user, with the role read from the database", async () => {
    const [user] = await t.db.insert(users).values({ email: "boss@example.com", name: "Boss", role: "admin" }).returning({ id: users.id });
    const me = await createCaller({ db: t.db, actor: { type: "admin", userId: user!.id } }).users.me();
    expect(me).toEqual({ id: user!.id, email: "boss@example.com", name: "Boss", role: "admin" });
  });

  it("is null when the session's user no longer exists", async () => {
    const me = await createCaller({ db: t.db, actor: { type: "shopper", userId: "00000000-0000-0000-0000-000000000000" } }).users.me();
    expect(me).toBeNull();
  });
});
