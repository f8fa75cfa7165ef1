import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { insertShopper, seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor } from "../context";
import { orderAccessToken } from "../orders/order-link";
import { setSigningEnv } from "../orders/test-fixtures";
import { signValue } from "../signing";
import { appRouter, createCaller } from "../trpc/root";
import { deliveredOrder } from "./test-fixtures";

const t = useTestDatabase();

type Outcome = "sees it" | "NOT_FOUND" | "UNAUTHORIZED" | "BAD_REQUEST" | "FORBIDDEN" | "OTHER";
type Order = Awaited<ReturnType<typeof deliveredOrder>>;

/** How each procedure is asked about one order, and whether its answer shows that order's returns (or made one). */
const probes: Record<string, { input: (order: Order, accessToken?: string) => unknown; shows: (result: unknown) => boolean }> = {
  forOrder: {
    input: (order, accessToken) => ({ orderId: order.orderId, accessToken }),
    shows: (result) => Array.isArray((result as { returnable: unknown[] }).returnable),
  },
  request: {
    input: (order, accessToken) => ({ orderId: order.orderId, accessToken, returnId: crypto.randomUUID(), reason: "Too big", lines: [{ orderLineId: order.lampLine, quantity: 1 }] }),
    shows: (result) => (result as { changed: boolean }).changed,
  },
};

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("returns."))
  .map((path) => path.slice("returns.".length));

async function outcome(name: string, actor: Actor, order: Order, accessToken?: string): Promise<Outcome> {
  const probe = probes[name];
  if (!probe) throw new Error(`describe how returns.${name} is asked about an order in this test`);
  const procedures = createCaller({ db: t.db, actor }).returns as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  try {
    return probe.shows(await procedures[name]!(probe.input(order, accessToken))) ? "sees it" : "OTHER";
  } catch (error) {
    const code = (await clientError(Promise.reject(error))).code;
    return ["NOT_FOUND", "UNAUTHORIZED", "BAD_REQUEST", "FORBIDDEN"].includes(code) ? (code as Outcome) : "OTHER";
  }
}

let owner: Actor;
let otherShopper: Actor;
let unrelatedAdmin: Actor;
const anonymous: Actor = { type: "anonymous" };
let shopperOrder: Order;
let guestOrder: Order;
let otherGuestOrder: Order;

beforeAll(async () => {
  setSigningEnv();
  const shop = await seedShop(t.db);
  const [ownerId, otherId] = await Promise.all([insertShopper(t.db), insertShopper(t.db)]);
  owner = { type: "shopper", userId: ownerId };
  otherShopper = { type: "shopper", userId: otherId };
  unrelatedAdmin = { type: "admin", userId: "admin-1" };
  shopperOrder = await deliveredOrder(t.db, shop, { userId: ownerId });
  guestOrder = await deliveredOrder(t.db, shop);
  otherGuestOrder = await deliveredOrder(t.db, shop);
});

describe("returns authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(probes).sort());
  });

  it.each(procedureNames)("%s: only the shopper who placed the order reaches it", async (name) => {
    expect(await outcome(name, owner, shopperOrder)).toBe("sees it");
    for (const actor of [otherShopper, unrelatedAdmin, anonymous]) expect(await outcome(name, actor, shopperOrder)).toBe("NOT_FOUND");
  });

  it.each(procedureNames)("%s: a guest order opens with its own signed token and nothing else", async (name) => {
    const right = orderAccessToken(guestOrder.orderId);
    const wrongTokens = [orderAccessToken(otherGuestOrder.orderId), `${right.slice(0, -2)}xx`, signValue("cart", guestOrder.orderId), guestOrder.orderId];
    for (const actor of [anonymous, otherShopper]) {
      expect(await outcome(name, actor, guestOrder, right)).toBe("sees it");
      expect(await outcome(name, actor, guestOrder)).toBe("NOT_FOUND");
      for (const token of wrongTokens) expect(await outcome(name, actor, guestOrder, token)).toBe("NOT_FOUND");
    }
  });

  it("a request accepts nothing but its fields, within bounds", async () => {
    const caller = createCaller({ db: t.db, actor: owner }).returns;
    const base = probes.request!.input(shopperOrder) as Parameters<typeof caller.request>[0];
    for (const bad of [
      { ...base, userId: "someone" },
      { ...base, reason: " " },
      { ...base, reason: "x".repeat(501) },
      { ...base, lines: [] },
      { ...base, lines: [{ orderLineId: shopperOrder.lampLine, quantity: 0 }] },
      { ...base, lines: [{ orderLineId: shopperOrder.lampLine, quantity: 2 ** 31 }] },
      { ...base, lines: [base.lines[0]!, base.lines[0]!] },
    ]) {
      expect((await clientError(caller.request(bad as typeof base))).code).toBe("BAD_REQUEST");
    }
  });
});
