import bcrypt from "bcryptjs";
import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createCaller } from "@/server/trpc/root";
import { DomainError } from "@/server/errors";
import { useTestDatabase } from "@/test/db";

const t = useTestDatabase();
const anonymous = () => createCaller({ db: t.db, actor: { type: "anonymous" } });

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("users.signUp", () => {
  it("stores a bcrypt hash of the password, never the password, and a lower-case email", async () => {
    const { id } = await anonymous().users.signUp({ email: "  Ada@Example.COM ", password: "correct horse", name: "Ada" });
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: "ada@example.com", name: "Ada", role: "shopper" });
    expect(row!.passwordHash).not.toContain("correct horse");
    expect(bcrypt.getRounds(row!.passwordHash!)).toBe(10);
    expect(await bcrypt.compare("correct horse", row!.passwordHash!)).toBe(true);
  });

  it("answers CONFLICT with an email field error for the same email in another case", async () => {
    await anonymous().users.signUp({ email: "grace@example.com", password: "password-1", name: "Grace" });
    const error = await rejection(anonymous().users.signUp({ email: "GRACE@example.com", password: "password-2", name: "G" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toBeInstanceOf(DomainError);
    expect((error.cause as DomainError).fieldErrors).toEqual({ email: expect.stringContaining("already exists") });
  });

  it("creates one user when several sign up with the same email at once", async () => {
    const emails = ["race@example.com", "Race@example.com", "RACE@example.com", "race@EXAMPLE.com", "rAce@example.com", "race@example.com"];
    const results = await Promise.allSettled(emails.map((email) => anonymous().users.signUp({ email, password: "password-1", name: "Racer" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as TRPCError).code).toBe("CONFLICT");
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.email, "race@example.com"));
    expect(row!.n).toBe(1);
  });

  it("rejects a short password, an invalid email and an empty name before touching the database", async () => {
    const error = await rejection(anonymous().users.signUp({ email: "not-an-email", password: "short", name: " " }));
    expect(error.code).toBe("BAD_REQUEST");
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.email, "not-an-email"));
    expect(row!.n).toBe(0);
  });
});
