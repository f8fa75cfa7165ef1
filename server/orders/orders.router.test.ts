import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { signValue } from "../signing";
import { appRouter, createCaller } from "../trpc/root";
import { orderAccessToken } from "./order-link";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "./test-fixtures";

const t = useTestDatabase();

beforeAll(setSigningEnv);

type Outcome = "sees it" | "does not list it" | "NOT_FOUND" | "UNAUTHORIZED" | "BAD_REQUEST" | "FORBIDDEN" | "OTHER";

/** How each procedure is asked about one order, and whether its answer shows that order. */
const probes: Record<string, { input: (orderId: string, accessToken?: string) => unknown; shows: (result: unknown, orderId: string) => boolean }> = {
  get: {
    input: (orderId, accessToken) => ({ orderId, accessToken }),
    shows: (result, orderId) => (result as { id: string }).id === orderId,
  },
  list: {
    input: () => ({}),
    shows: (result, orderId) => (result as { items: { id: string }[] }).items.some((o) => o.id === orderId),
  },
};

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("orders."))
  .map((path) => path.slice("orders.".length));

async function outcome(name: string, actor: Actor, orderId: string, accessToken?: string): Promise<Outcome> {
  const probe = probes[name];
  if (!probe) throw new Error(`describe how orders.${name} is asked about an order in this test`);
  const procedures = createCaller({ db: t.db, actor }).orders as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  try {
    const result = await procedures[name]!(probe.input(orderId, accessToken));
    return probe.shows(result, orderId) ? "sees it" : "does not list it";
  } catch (error) {
    const code = (await clientError(Promise.reject(error))).code;
    return ["NOT_FOUND", "UNAUTHORIZED", "BAD_REQUEST", "FORBIDDEN"].includes(code) ? (code as Outcome) : "OTHER";
  }
}

let owner: Actor;
let otherShopper: Actor;
let unrelatedAdmin: Actor;
const anonymous: Actor = { type: "anonymous" };
let shopperOrder: string;
let guestOrder: string;
let otherGuestOrder: string;

beforeAll(async () => {
  const { variantId } = await insertVariant(t.db);
  const [ownerId, otherId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db), insertUser(t.db, "admin")]);
  owner = { type: "shopper", userId: ownerId };
  otherShopper = { type: "shopper", userId: otherId };
  unrelatedAdmin = { type: "admin", userId: adminId };
  shopperOrder = (await insertOrder(t.db, { variantId, userId: ownerId })).id;
  guestOrder = (await insertOrder(t.db, { variantId })).id;
  otherGuestOrder = (await insertOrder(t.db, { variantId })).id;
});

describe("orders authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(probes).sort());
  });

  it.each(procedureNames)("%s: only the shopper who placed the order sees it", async (name) => {
    expect(await outcome(name, owner, shopperOrder)).toBe("sees it");
    expect(await outcome(name, otherShopper, shopperOrder)).toMatch(/^(NOT_FOUND|does not list it)$/);
    expect(await outcome(name, unrelatedAdmin, shopperOrder)).toMatch(/^(NOT_FOUND|does not list it)$/);
    expect(await outcome(name, anonymous, shopperOrder)).toMatch(/^(NOT_FOUND|UNAUTHORIZED)$/);
  });

  it.each(procedureNames)("%s: a guest order opens with its own signed token and nothing else", async (name) => {
    const perOrder = name !== "list";
    const right = orderAccessToken(guestOrder);
    const wrongTokens = [
      orderAccessToken(otherGuestOrder),
      `${right.slice(0, -2)}xx`,
      signValue("cart", guestOrder),
      `${guestOrder}.`,
      guestOrder,
    ];
    for (const actor of [anonymous, otherShopper]) {
      expect(await outcome(name, actor, guestOrder, right)).toBe(perOrder ? "sees it" : actor === anonymous ? "UNAUTHORIZED" : "does not list it");
      expect(await outcome(name, actor, guestOrder)).toMatch(/^(NOT_FOUND|UNAUTHORIZED|does not list it)$/);
      for (const token of wrongTokens) {
        expect(await outcome(name, actor, guestOrder, token)).toMatch(/^(NOT_FOUND|UNAUTHORIZED|does not list it)$/);
      }
    }
  });

  it("a refusal looks exactly like an order that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const caller = createCaller({ db: t.db, actor: otherShopper }).orders;
    const answer = (orderId: string) => caller.get({ orderId }).then(() => "sees it", (e: TRPCError) => `${e.code}: ${e.message}`);
    expect(await answer(shopperOrder)).toBe("NOT_FOUND: Order not found");
    expect(await answer(missing)).toBe(await answer(shopperOrder));
  });

  it("the order input accepts nothing but the id and the token", async () => {
    const caller = createCaller({ db: t.db, actor: owner }).orders;
    const extra = { orderId: shopperOrder, userId: "someone" } as unknown as Parameters<typeof caller.get>[0];
    expect((await clientError(caller.get(extra))).code).toBe("BAD_REQUEST");
    expect((await clientError(caller.get({ orderId: "not-a-uuid" }))).code).toBe("BAD_REQUEST");
  });
});
