import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { count, eq } from "drizzle-orm";
import superjson from "superjson";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { createCaller, appRouter } from "@/server/trpc/root";
import { trpcHttpOptions } from "@/server/trpc/http-options";
import { DomainError, type RateLimited } from "@/server/errors";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { verifyPassword } from "./password";

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, hashPassword: (password: string) => (hashes.count++, real.hashPassword(password)) };
});

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);
let ipCounter = 0;
/** Each caller from its own IP unless told, so the per-IP sign-up limit only bites where a test means it to. */
const anonymous = (ip = `10.0.0.${++ipCounter}`) => createCaller({ db: t.db, actor: { type: "anonymous" }, ip });
beforeEach(() => {
  hashes.count = 0;
});

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** One HTTP request through the route's handler options, as the browser's batch link sends it. */
function post(paths: string[], inputs: unknown[], ip = "10.9.9.9") {
  const body = Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]));
  return fetchRequestHandler({
    ...trpcHttpOptions,
    endpoint: "/api/trpc",
    router: appRouter,
    req: new Request(`http://localhost/api/trpc/${paths.join(",")}?batch=1`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    createContext: () => ({ db: t.db, actor: { type: "anonymous" as const }, ip }),
  });
}

describe("users.signUp", () => {
  it("stores an argon2id hash of the password, never the password, and a lower-case email", async () => {
    const { id } = await anonymous().users.signUp({ email: "  Ada@Example.COM ", password: "correct horse battery", name: "Ada" });
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: "ada@example.com", name: "Ada", role: "shopper", emailVerified: null });
    expect(row!.passwordHash).not.toContain("correct horse");
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword("correct horse battery", row!.passwordHash)).toBe(true);
  });

  it("counts every character: a 200-character password differs from one sharing its first 72 bytes", async () => {
    const long = "x".repeat(72) + "y".repeat(128);
    const { id } = await anonymous().users.signUp({ email: "long@example.com", password: `a${long}`, name: "Long" });
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(await verifyPassword(`a${long}`, row!.passwordHash)).toBe(true);
    expect(await verifyPassword(`a${"x".repeat(72)}${"z".repeat(128)}`, row!.passwordHash)).toBe(false);
  });

  it("answers CONFLICT with an email field error for the same email in another case, and hashes nothing", async () => {
    await anonymous().users.signUp({ email: "grace@example.com", password: "password-one-1", name: "Grace" });
    hashes.count = 0;
    const error = await rejection(anonymous().users.signUp({ email: "GRACE@example.com", password: "password-two-2", name: "G" }));
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as DomainError).fieldErrors).toEqual({ email: expect.stringContaining("already exists") });
    expect(hashes.count).toBe(0);
  });

  it("creates one user when several sign up with the same email at once", async () => {
    const emails = ["race@example.com", "Race@example.com", "RACE@example.com", "race@EXAMPLE.com", "rAce@example.com", "race@example.com"];
    const results = await Promise.allSettled(emails.map((email) => anonymous().users.signUp({ email, password: "password-one-1", name: "Racer" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as TRPCError).code).toBe("CONFLICT");
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.email, "race@example.com"));
    expect(row!.n).toBe(1);
  });

  it("rejects a password under 12 or over 256 characters, an invalid email and an empty name before touching the database", async () => {
    for (const password of ["elevenchars", "p".repeat(257)]) {
      const error = await rejection(anonymous().users.signUp({ email: "not-an-email", password, name: " " }));
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(hashes.count).toBe(0);
  });

  it("refuses a common password on the password field, before hashing", async () => {
    const error = await rejection(anonymous().users.signUp({ email: "common@example.com", password: "QWERTY123456", name: "C" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as DomainError).fieldErrors).toEqual({ password: expect.stringContaining("too common") });
    expect(hashes.count).toBe(0);
  });

  it("allows ten sign-ups an hour from one IP, then answers TOO_MANY_REQUESTS with the wait", async () => {
    for (let i = 0; i < 10; i++) await anonymous("10.1.1.1").users.signUp({ email: `ip-${i}@example.com`, password: "a good long passphrase", name: "N" });
    const error = await rejection(anonymous("10.1.1.1").users.signUp({ email: "ip-10@example.com", password: "a good long passphrase", name: "N" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect((error.cause as RateLimited).retryAfterSeconds).toBeGreaterThan(3500);
  });
});

describe("the tRPC route", () => {
  it("refuses a batch of 100 sign-ups with 400 before any procedure runs: nothing hashed, nobody created", async () => {
    const inputs = Array.from({ length: 100 }, (_, i) => ({ email: `batch-${i}@example.com`, password: "a good long passphrase", name: "B" }));
    const response = await post(Array<string>(100).fill("users.signUp"), inputs);
    expect(response.status).toBe(400);
    expect(hashes.count).toBe(0);
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.name, "B"));
    expect(row!.n).toBe(0);
  });

  it("answers a refused call 429 with Retry-After", async () => {
    const input = (i: number) => ({ email: `http-${i}@example.com`, password: "a good long passphrase", name: "H" });
    for (let i = 0; i < 10; i++) expect((await post(["users.signUp"], [input(i)], "10.2.2.2")).status).toBe(200);
    const refused = await post(["users.signUp"], [input(10)], "10.2.2.2");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    const [body] = (await refused.json()) as Array<{ error: { json: { data: { code: string; retryAfterSeconds: number } } } }>;
    expect(body!.error.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: expect.any(Number) });
  });
});
