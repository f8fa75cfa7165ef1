import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { payments, refunds, stockMovements, stockReservations, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertWarehouse } from "../catalog/test-fixtures";
import type { ServiceContext } from "../context";
import { adminGetOrder } from "./admin-get-order";
import { insertOrder, insertUser, insertVariant } from "./test-fixtures";

const t = useTestDatabase();
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "admin-1" } });
let variantId: number;
let warehouseId: number;

beforeAll(async () => {
  ({ variantId } = await insertVariant(t.db));
  warehouseId = await insertWarehouse(t.db, "east");
});

describe("adminGetOrder", () => {
  it("shows the customer, lines, payment with its refunds, reservations, the stock ledger and every event", async () => {
    const userId = await insertUser(t.db);
    const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));
    const order = await insertOrder(t.db, {
      variantId,
      userId,
      status: "paid",
      paymentStatus: "partially_refunded",
      refundedAmount: 500,
      payment: "partially_refunded",
      events: [
        { type: "placed", createdAt: at(0) },
        { type: "saga:wait-for-payment", createdAt: at(1) },
        { type: "saga:complete-order", createdAt: at(2) },
        { type: "paid", createdAt: at(2) },
      ],
    });
    const [payment] = await t.db.select({ id: payments.id }).from(payments).where(eq(payments.orderId, order.id));
    await t.db.insert(refunds).values({ paymentId: payment!.id, amount: 500, reason: "damaged", providerRefundId: "re_1" });
    await t.db.insert(stockReservations).values({ orderId: order.id, variantId, warehouseId, quantity: 2, status: "committed", expiresAt: at(900) });
    await t.db.insert(stockMovements).values([
      { orderId: order.id, variantId, warehouseId, onHandDelta: 0, reservedDelta: 2, reason: "reserve" },
      { orderId: order.id, variantId, warehouseId, onHandDelta: -2, reservedDelta: -2, reason: "commit" },
    ]);

    const view = await adminGetOrder(admin(), { orderId: order.id });
    const [user] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    expect(view).toMatchObject({ id: order.id, number: order.number, status: "paid", refundedAmount: 500, customer: { id: userId, email: user!.email } });
    expect(view.lines).toHaveLength(1);
    expect(view.events.map((e) => e.type)).toEqual(["placed", "saga:wait-for-payment", "saga:complete-order", "paid"]);
    expect(view.payment).toMatchObject({ provider: "simulator", providerPaymentId: `pi_test_${order.id}`, amount: 2999, status: "partially_refunded" });
    expect(view.payment?.refunds).toMatchObject([{ amount: 500, reason: "damaged", providerRefundId: "re_1" }]);
    expect(view.reservations).toMatchObject([{ sku: expect.stringMatching(/^TOTE-/), warehouse: "east", quantity: 2, status: "committed" }]);
    expect(view.stockMovements.map((m) => [m.warehouse, m.onHandDelta, m.reservedDelta, m.reason])).toEqual([
      ["east", 0, 2, "reserve"],
      ["east", -2, -2, "commit"],
    ]);
  });

  it("shows a guest order that never reached payment with no customer and no payment", async () => {
    const { id } = await insertOrder(t.db, { variantId });
    expect(await adminGetOrder(admin(), { orderId: id })).toMatchObject({ customer: null, payment: null, reservations: [], stockMovements: [] });
  });

  it("answers NOT_FOUND for an unknown order", async () => {
    await expect(adminGetOrder(admin(), { orderId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
