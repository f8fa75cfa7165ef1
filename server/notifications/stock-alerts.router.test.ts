import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { stockAlerts } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { insertShopper, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor } from "../context";
import { appRouter, createCaller } from "../trpc/root";
import { MAX_WAITING_ALERTS } from "./subscribe-stock-alert";

const t = useTestDatabase();

type Outcome = "waiting" | "BAD_REQUEST" | "CONFLICT" | "NOT_FOUND" | "OTHER";

/** How each procedure is called for a variant, as a guest gives an address and a signed-in shopper need not. */
const probes: Record<string, (variantId: number, email?: string) => unknown> = {
  subscribe: (variantId, email) => ({ variantId, email }),
};

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("stockAlerts."))
  .map((path) => path.slice("stockAlerts.".length));

async function outcome(name: string, actor: Actor, variantId: number, email?: string): Promise<Outcome> {
  const procedures = createCaller({ db: t.db, actor }).stockAlerts as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  try {
    await procedures[name]!(probes[name]!(variantId, email));
    return "waiting";
  } catch (error) {
    const code = (await clientError(Promise.reject(error))).code;
    return ["BAD_REQUEST", "CONFLICT", "NOT_FOUND"].includes(code) ? (code as Outcome) : "OTHER";
  }
}

let shop: Awaited<ReturnType<typeof seedShop>>;
let shopper: Actor;
let admin: Actor;
const anonymous: Actor = { type: "anonymous" };
const soldOut = () => insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 0 }] });

beforeAll(async () => {
  shop = await seedShop(t.db);
  shopper = { type: "shopper", userId: await insertShopper(t.db) };
  admin = { type: "admin", userId: await insertShopper(t.db, `admin-${crypto.randomUUID()}@emporium.test`) };
});

describe("stock alerts authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(probes).sort());
  });

  it.each(procedureNames)("%s: anyone may wait for a sold-out variant; a guest must give an address", async (name) => {
    const variantId = await soldOut();
    expect(await outcome(name, shopper, variantId)).toBe("waiting");
    expect(await outcome(name, admin, variantId)).toBe("waiting");
    expect(await outcome(name, anonymous, variantId, "guest@example.test")).toBe("waiting");
    expect(await outcome(name, anonymous, variantId)).toBe("BAD_REQUEST");
    expect(await outcome(name, anonymous, variantId, "not an address")).toBe("BAD_REQUEST");
    expect(await outcome(name, anonymous, variantId, `${"a".repeat(250)}@example.test`)).toBe("BAD_REQUEST");
  });

  it.each(procedureNames)("%s: an unknown variant is NOT_FOUND, one in stock a CONFLICT", async (name) => {
    const inStock = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 2 }] });
    expect(await outcome(name, anonymous, 2_000_000_000, "guest@example.test")).toBe("NOT_FOUND");
    expect(await outcome(name, shopper, inStock)).toBe("CONFLICT");
  });
});

describe("stockAlerts.subscribe", () => {
  it("a shopper's request is kept by account, whatever address the input carries; asking twice keeps one", async () => {
    const variantId = await soldOut();
    const caller = createCaller({ db: t.db, actor: shopper }).stockAlerts;
    await caller.subscribe({ variantId, email: "someone-else@example.test" });
    await caller.subscribe({ variantId });
    const rows = await t.db.select().from(stockAlerts).where(eq(stockAlerts.variantId, variantId));
    expect(rows).toEqual([expect.objectContaining({ userId: (shopper as { userId: string }).userId, email: null, notifiedAt: null })]);
  });

  it(`one address waits for at most ${MAX_WAITING_ALERTS} variants at once`, async () => {
    const email = `busy-${crypto.randomUUID()}@example.test`;
    const variants = await Promise.all(Array.from({ length: MAX_WAITING_ALERTS + 1 }, soldOut));
    for (const variantId of variants.slice(0, MAX_WAITING_ALERTS)) expect(await outcome("subscribe", anonymous, variantId, email)).toBe("waiting");
    expect(await outcome("subscribe", anonymous, variants.at(-1)!, email)).toBe("CONFLICT");
    expect(await t.db.$count(stockAlerts, eq(stockAlerts.email, email))).toBe(MAX_WAITING_ALERTS);
  });
});
