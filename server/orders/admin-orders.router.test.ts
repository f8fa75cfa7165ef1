import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { appRouter, createCaller } from "../trpc/root";
import { addOrderNote } from "./add-order-note";
import { adminCancelOrder } from "./admin-cancel-order";
import { adminGetOrder } from "./admin-get-order";
import { adminListOrders } from "./admin-list-orders";
import { refundOrder } from "./refund-order";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "./test-fixtures";

const t = useTestDatabase();
let validInputs: Record<string, () => Promise<unknown>>;
let shopper: Actor;
let admin: Actor;
let ownOrderId: string;

beforeAll(async () => {
  setSigningEnv();
  const { variantId } = await insertVariant(t.db);
  const [shopperId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db, "admin")]);
  shopper = { type: "shopper", userId: shopperId };
  admin = { type: "admin", userId: adminId };
  // The shopper's own order: even the owner may not reach it through the admin procedures.
  ownOrderId = (await insertOrder(t.db, { variantId, userId: shopperId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" })).id;
  validInputs = {
    list: async () => ({}),
    get: async () => ({ orderId: ownOrderId }),
    cancel: async () => ({ orderId: (await insertOrder(t.db, { variantId, userId: shopperId, payment: "awaiting" })).id }),
    refund: async () => ({ orderId: ownOrderId, refundId: randomUUID(), amount: 1, notifyCustomer: false }),
    addNote: async () => ({ orderId: ownOrderId, body: "Called the customer about the delay" }),
  };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminOrders."))
  .map((path) => path.slice("adminOrders.".length));

async function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor }).adminOrders as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const input = validInputs[name];
  if (!input) throw new Error(`give adminOrders.${name} a valid input in this test`);
  return procedures[name]!(await input());
}

describe("adminOrders authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper (even the buyer) -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(admin, name)).resolves.toBeDefined();
  });

  it("cancel of a paid order (a refund): anonymous, shoppers and staff are refused and nothing changes; an admin cancels it", async () => {
    const { variantId } = await insertVariant(t.db);
    const { id: orderId } = await insertOrder(t.db, { variantId, userId: shopper.type === "shopper" ? shopper.userId : null, status: "paid", paymentStatus: "succeeded" });
    const staff: Actor = { type: "admin", userId: await insertUser(t.db, "staff"), role: "staff" };
    const cancel = (actor: Actor) => createCaller({ db: t.db, actor }).adminOrders.cancel({ orderId, reason: "Cannot fulfil", notifyCustomer: false });
    expect((await clientError(cancel({ type: "anonymous" }))).code).toBe("UNAUTHORIZED");
    expect((await clientError(cancel(shopper))).code).toBe("FORBIDDEN");
    expect((await clientError(cancel(staff))).code).toBe("FORBIDDEN");
    expect((await adminGetOrder({ db: t.db, actor: admin }, { orderId })).status).toBe("paid");
    await expect(cancel(admin)).resolves.toEqual({ orderId, status: "cancelled", refund: "succeeded" });
    expect(await adminGetOrder({ db: t.db, actor: admin }, { orderId })).toMatchObject({ status: "cancelled", paymentStatus: "refunded" });
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const orderId = ownOrderId;
    for (const actor of [shopper, { type: "anonymous" } as const]) {
      const ctx: ServiceContext = { db: t.db, actor };
      const kind = actor.type === "anonymous" ? "Unauthenticated" : "Forbidden";
      await expect(adminListOrders(ctx, { page: 1, pageSize: 25 })).rejects.toMatchObject({ kind });
      await expect(adminGetOrder(ctx, { orderId })).rejects.toMatchObject({ kind });
      await expect(adminCancelOrder(ctx, { orderId })).rejects.toMatchObject({ kind });
      await expect(refundOrder(ctx, { orderId, refundId: randomUUID(), amount: 1, notifyCustomer: true })).rejects.toMatchObject({ kind });
      await expect(addOrderNote(ctx, { orderId, body: "note" })).rejects.toMatchObject({ kind });
    }
  });
});
