import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { systemContext } from "@/server/context";
import { useTestDatabase } from "@/test/db";
import { hashPassword } from "./password";
import { verifyCredentials } from "./verify-credentials";

const t = useTestDatabase();
const ctx = () => systemContext(t.db, "test");
let adaId: string;

beforeAll(async () => {
  const [ada] = await t.db
    .insert(users)
    .values({ email: "Ada@Example.com", name: "Ada", role: "admin", passwordHash: await hashPassword("analytical engine") })
    .returning({ id: users.id });
  adaId = ada!.id;
  await t.db.insert(users).values({ email: "oidc-only@example.com", name: "No Password" });
});

describe("verifyCredentials", () => {
  it("returns the user, role included, for the right password whatever the email's case", async () => {
    expect(await verifyCredentials(ctx(), { email: "ada@example.com", password: "analytical engine" })).toEqual({
      id: adaId,
      email: "Ada@Example.com",
      name: "Ada",
      role: "admin",
    });
  });

  it("returns null for a wrong password", async () => {
    expect(await verifyCredentials(ctx(), { email: "ada@example.com", password: "difference engine" })).toBeNull();
  });

  it("returns null for an unknown email", async () => {
    expect(await verifyCredentials(ctx(), { email: "nobody@example.com", password: "analytical engine" })).toBeNull();
  });

  it("returns null for a user who has no password (signed up through OpenID)", async () => {
    expect(await verifyCredentials(ctx(), { email: "oidc-only@example.com", password: "" })).toBeNull();
  });
});
