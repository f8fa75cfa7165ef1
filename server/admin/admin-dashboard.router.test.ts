import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";

const t = useTestDatabase();
let shopper: Actor;
let admin: Actor;
const validInputs: Record<string, () => unknown> = { get: () => undefined };

beforeAll(async () => {
  setSigningEnv();
  const { variantId } = await insertVariant(t.db);
  const [shopperId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db, "admin")]);
  shopper = { type: "shopper", userId: shopperId };
  admin = { type: "admin", userId: adminId };
  await insertOrder(t.db, { variantId, userId: shopperId, status: "paid", payment: "succeeded" });
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminDashboard."))
  .map((path) => path.slice("adminDashboard.".length));

function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor }).adminDashboard as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const input = validInputs[name];
  if (!input) throw new Error(`give adminDashboard.${name} a valid input in this test`);
  return procedures[name]!(input());
}

describe("adminDashboard authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper (even one with orders) -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(admin, name)).resolves.toMatchObject({ timeZone: "UTC" });
  });
});
