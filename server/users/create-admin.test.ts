import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { createAdmin } from "./create-admin";
import { verifyPassword } from "./password";
import { CreateAdminInput } from "./schemas";

const t = useTestDatabase();
const operator = () => ({ db: t.db, actor: { type: "system", name: "admin:create" } as const });

describe("createAdmin", () => {
  it("creates an admin with a hashed password on an empty database", async () => {
    const { id, created } = await createAdmin(operator(), CreateAdminInput.parse({ email: " Owner@Shop.Example ", password: "long enough secret" }));
    expect(created).toBe(true);
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: "owner@shop.example", role: "admin" });
    expect(await verifyPassword("long enough secret", row!.passwordHash)).toBe(true);
  });

  it("promotes an existing shopper, whatever the email's case, and sets the new password", async () => {
    await t.db.insert(users).values({ email: "Sam@Shop.Example", name: "Sam", role: "shopper" });
    const { id, created } = await createAdmin(operator(), { email: "sam@shop.example", password: "another secret" });
    expect(created).toBe(false);
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ name: "Sam", role: "admin" });
    expect(await verifyPassword("another secret", row!.passwordHash)).toBe(true);
    expect((await t.db.execute<{ n: number }>(sql`select count(*)::int as n from users where lower(email) = 'sam@shop.example'`))[0]?.n).toBe(1);
  });

  it("creates staff with --staff, and the same command later makes them an admin", async () => {
    const { id } = await createAdmin(operator(), { email: "clerk@shop.example", password: "long enough secret" }, "staff");
    const role = async () => (await t.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]?.role;
    expect(await role()).toBe("staff");
    await createAdmin(operator(), { email: "clerk@shop.example", password: "long enough secret" });
    expect(await role()).toBe("admin");
  });

  it("takes the sign-up rules for email and password, and only an operator's command", async () => {
    expect(CreateAdminInput.safeParse({ email: "not-an-email", password: "long enough secret" }).success).toBe(false);
    expect(CreateAdminInput.safeParse({ email: "a@shop.example", password: "short" }).success).toBe(false);
    await expect(createAdmin({ db: t.db, actor: { type: "anonymous" } }, { email: "x@shop.example", password: "long enough secret" })).rejects.toMatchObject({
      kind: "Forbidden",
    });
  });
});
