import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { returnLines } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { insertShopper, seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { setSigningEnv } from "../orders/test-fixtures";
import { countingSimulator, type Shop } from "../shipping/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";
import { approveReturn } from "./approve-return";
import { adminListOrderReturns } from "./list-order-returns";
import { receiveReturn } from "./receive-return";
import { listReturns } from "./list-returns";
import { refundReturn } from "./refund-return";
import { rejectReturn } from "./reject-return";
import { requestReturn } from "./request-return";
import { adminContext, deliveredOrder, shopperContext } from "./test-fixtures";

const t = useTestDatabase();
let shop: Shop;
let shopperId: string;
let shopper: Actor;
let otherShopper: Actor;
const admin: Actor = { type: "admin", userId: "admin-1" };
const staff: Actor = { type: "admin", userId: "staff-1", role: "staff" };
const carrier = countingSimulator();

/** A return of one lamp from the shopper's own delivered order, moved on to `status`. */
async function returnIn(status: "requested" | "approved" | "received") {
  const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
  const returnId = crypto.randomUUID();
  await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Too big", lines: [{ orderLineId: lampLine, quantity: 1 }] });
  const { ctx } = adminContext(t.db);
  if (status !== "requested") await approveReturn(ctx, { returnId });
  if (status === "received") await receiveReturn(ctx, { returnId });
  const [line] = await t.db.select().from(returnLines).where(eq(returnLines.returnId, returnId));
  return { orderId, returnId, restock: [{ shipmentId: line!.shipmentId, orderLineId: lampLine, restock: true }] };
}

const validInputs: Record<string, () => Promise<unknown>> = {
  list: async () => ({ status: "requested" }),
  reject: async () => ({ returnId: (await returnIn("requested")).returnId, reason: "Worn" }),
  forOrder: async () => ({ orderId: (await returnIn("requested")).orderId }),
  approve: async () => ({ returnId: (await returnIn("requested")).returnId }),
  receive: async () => ({ returnId: (await returnIn("approved")).returnId }),
  refund: async () => {
    const { returnId, restock } = await returnIn("received");
    return { returnId, restock };
  },
};

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  shopperId = await insertShopper(t.db);
  shopper = { type: "shopper", userId: shopperId };
  otherShopper = { type: "shopper", userId: await insertShopper(t.db) };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminReturns."))
  .map((path) => path.slice("adminReturns.".length));

async function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor, carrier }).adminReturns as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const input = validInputs[name];
  if (!input) throw new Error(`give adminReturns.${name} a valid input in this test`);
  return procedures[name]!(await input());
}

describe("adminReturns authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper (the buyer or another) -> FORBIDDEN, staff -> ok but refund, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    expect((await clientError(call(otherShopper, name))).code).toBe("FORBIDDEN");
    if (name === "refund") expect((await clientError(call(staff, name))).code).toBe("FORBIDDEN");
    else await expect(call(staff, name)).resolves.toBeDefined();
    await expect(call(admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const { orderId, returnId, restock } = await returnIn("received");
    for (const actor of [shopper, { type: "anonymous" } as const]) {
      const ctx: ServiceContext = { db: t.db, actor, carrier };
      const kind = actor.type === "anonymous" ? "Unauthenticated" : "Forbidden";
      await expect(adminListOrderReturns(ctx, { orderId })).rejects.toMatchObject({ kind });
      await expect(approveReturn(ctx, { returnId })).rejects.toMatchObject({ kind });
      await expect(rejectReturn(ctx, { returnId, reason: "No" })).rejects.toMatchObject({ kind });
      await expect(listReturns(ctx, { status: "requested", page: 1 })).rejects.toMatchObject({ kind });
      await expect(receiveReturn(ctx, { returnId })).rejects.toMatchObject({ kind });
      await expect(refundReturn(ctx, { returnId, restock })).rejects.toMatchObject({ kind });
    }
  });
});
