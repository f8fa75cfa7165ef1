import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, payments, stockLevels, stockReservations } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertWarehouse } from "../catalog/test-fixtures";
import { clientError } from "../catalog/admin-test-fixtures";
import { createCaller } from "../trpc/root";
import { insertOrder, insertUser, insertVariant, setSigningEnv, type OrderFixture } from "./test-fixtures";

const t = useTestDatabase();
let variantId: number;
let warehouseId: number;
let adminOrders: ReturnType<typeof createCaller>["adminOrders"];

beforeAll(async () => {
  setSigningEnv();
  ({ variantId } = await insertVariant(t.db));
  warehouseId = await insertWarehouse(t.db);
  await t.db.insert(stockLevels).values({ variantId, warehouseId, onHand: 10, reserved: 0 });
  adminOrders = createCaller({ db: t.db, actor: { type: "admin", userId: await insertUser(t.db, "admin") } }).adminOrders;
});

/** An order holding two units of the variant, reserved in the warehouse as checkout would have left it. */
async function reservedOrder(fixture: Partial<OrderFixture>) {
  const order = await insertOrder(t.db, { variantId, ...fixture });
  await t.db.insert(stockReservations).values({ orderId: order.id, variantId, warehouseId, quantity: 2, expiresAt: new Date(Date.now() + 60_000) });
  await t.db.update(stockLevels).set({ reserved: 2 }).where(eq(stockLevels.variantId, variantId));
  return order;
}

const reserved = async () => (await t.db.select({ reserved: stockLevels.reserved }).from(stockLevels).where(eq(stockLevels.variantId, variantId)))[0]!.reserved;

async function state(orderId: string) {
  const [order] = await t.db.select({ status: orders.status, cancelReason: orders.cancelReason }).from(orders).where(eq(orders.id, orderId));
  const [payment] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, orderId));
  return { ...order, payment: payment?.status };
}

describe("adminCancelOrder", () => {
  it("cancels an unpaid order: the reserved stock goes back, the payment is cancelled, the reason is on the timeline", async () => {
    const { id } = await reservedOrder({ payment: "awaiting" });
    expect(await reserved()).toBe(2);
    expect(await adminOrders.cancel({ orderId: id, reason: "Customer asked by phone" })).toEqual({ orderId: id, status: "cancelled" });
    expect(await state(id)).toEqual({ status: "cancelled", cancelReason: "Customer asked by phone", payment: "cancelled" });
    expect(await reserved()).toBe(0);
    const view = await adminOrders.get({ orderId: id });
    expect(view.events.map((e) => e.type)).toEqual(expect.arrayContaining(["payment_cancelled", "cancelled"]));
    expect(view.reservations.map((r) => r.status)).toEqual(["released"]);
  });

  it("cancels an order that never got a payment, with a default reason", async () => {
    const { id } = await reservedOrder({});
    await adminOrders.cancel({ orderId: id });
    expect(await state(id)).toEqual({ status: "cancelled", cancelReason: "Cancelled by the shop", payment: undefined });
    expect(await reserved()).toBe(0);
  });

  it.each([
    ["cancelled", { status: "cancelled", paymentStatus: "failed", payment: "failed" }],
    ["refunded", { status: "refunded", paymentStatus: "refunded", payment: "refunded" }],
  ] as const)("refuses a %s order with CONFLICT and changes nothing", async (status, fixture) => {
    const { id } = await insertOrder(t.db, { variantId, ...fixture });
    const before = await state(id);
    const error = await clientError(adminOrders.cancel({ orderId: id }));
    expect(error.code).toBe("CONFLICT");
    expect(await state(id)).toEqual(before);
    expect(before.status).toBe(status);
  });

  it("refuses a pending order whose payment has already gone through, leaving it to be completed", async () => {
    const { id } = await reservedOrder({ paymentStatus: "succeeded", payment: "succeeded" });
    expect((await clientError(adminOrders.cancel({ orderId: id }))).code).toBe("CONFLICT");
    expect(await state(id)).toMatchObject({ status: "pending", payment: "succeeded" });
    expect(await reserved()).toBe(2);
  });

  it("answers NOT_FOUND for an unknown order", async () => {
    expect((await clientError(adminOrders.cancel({ orderId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });
});
