import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderRefunds, payments, refunds } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { queueOrderEmail } from "../notifications/queue-order-email";
import { PaymentProviderError } from "../payments/payment-provider";
import { createSimulatorProvider } from "../payments/simulator-provider";
import { paidOrder, weighedVariant, type Shop } from "../shipping/test-fixtures";
import { createCaller } from "../trpc/root";
import { refundOrder } from "./refund-order";
import { insertOrder, insertUser, ledgerSumAt, onHandAt } from "./test-fixtures";

const t = useTestDatabase({ max: 10 });
let shop: Shop;
let admin: ServiceContext;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  shop = await seedShop(t.db);
  admin = { db: t.db, actor: { type: "admin", userId: await insertUser(t.db, "admin") }, payments: createSimulatorProvider() };
});

/** 2 × lamp from the east warehouse and 1 × vase from the west, 10.00 each, paid through the simulator. */
async function paidLampAndVase() {
  const lamp = await weighedVariant(t.db, shop, { east: 5, west: 0 });
  const vase = await weighedVariant(t.db, shop, { east: 0, west: 5 });
  const orderId = await paidOrder(t.db, [
    { variantId: lamp, quantity: 2 },
    { variantId: vase, quantity: 1 },
  ]);
  await t.db.insert(payments).values({ orderId, provider: "simulator", providerPaymentId: `pi_sim_${orderId}`, amount: 3000, currency: "USD", status: "succeeded" });
  const lines = await t.db.execute<{ id: number; variantId: number }>(sql`select id, variant_id as "variantId" from order_lines where order_id = ${orderId} order by id`);
  return { orderId, lamp, vase, lampLine: lines.find((l) => l.variantId === lamp)!.id, vaseLine: lines.find((l) => l.variantId === vase)!.id };
}

const onHand = (variantId: number, warehouseId: number) => onHandAt(t.db, variantId, warehouseId);
const ledgerSum = (variantId: number, warehouseId: number) => ledgerSumAt(t.db, variantId, warehouseId);

const refundMovements = (orderId: string) =>
  t.db.execute<{ variantId: number; onHandDelta: number; actorId: string }>(sql`
    select variant_id as "variantId", on_hand_delta as "onHandDelta", actor_id as "actorId" from stock_movements where order_id = ${orderId} and reason = 'refund: restocked'`);

const refundRows = (orderId: string) =>
  t.db.select({ amount: refunds.amount, status: refunds.status }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(eq(payments.orderId, orderId));

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { kind: error.kind, fields: error.fieldErrors } : Promise.reject(error)),
  );

describe("refundOrder", () => {
  it("refunds one line with restock and one without: money, stock and ledger agree", async () => {
    const o = await paidLampAndVase();
    const before = { lamp: await onHand(o.lamp, shop.east), vase: await onHand(o.vase, shop.west) };

    const first = await refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: o.lampLine, quantity: 1, restock: true }], notifyCustomer: true });
    expect(first).toEqual({ changed: true, refund: "succeeded", refundedAmount: 1000, restocked: 1 });
    const second = await refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: o.vaseLine, quantity: 1, restock: false }], notifyCustomer: true });
    expect(second).toEqual({ changed: true, refund: "succeeded", refundedAmount: 2000, restocked: 0 });

    expect(await onHand(o.lamp, shop.east)).toBe(before.lamp + 1);
    expect(await onHand(o.vase, shop.west)).toBe(before.vase);
    expect(await refundMovements(o.orderId)).toEqual([{ variantId: o.lamp, onHandDelta: 1, actorId: (admin.actor as { userId: string }).userId }]);
    for (const [variant, warehouse] of [[o.lamp, shop.east], [o.vase, shop.west]] as const) expect(await ledgerSum(variant, warehouse)).toBe(await onHand(variant, warehouse));
    expect(await refundRows(o.orderId)).toEqual([
      { amount: 1000, status: "succeeded" },
      { amount: 1000, status: "succeeded" },
    ]);
    const view = await createCaller({ db: t.db, actor: admin.actor }).adminOrders.get({ orderId: o.orderId });
    expect(view.lines.map((l) => [l.id, l.refundedQuantity])).toEqual([[o.lampLine, 1], [o.vaseLine, 1]]);
    expect(view.refundRecords.map((r) => r.lines)).toEqual([[{ orderLineId: o.lampLine, quantity: 1, restock: true }], [{ orderLineId: o.vaseLine, quantity: 1, restock: false }]]);
  });

  it("refuses more than a line or the order has left, changing nothing", async () => {
    const o = await paidLampAndVase();
    await refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: o.lampLine, quantity: 1, restock: true }], notifyCustomer: false });
    const stock = await onHand(o.lamp, shop.east);

    expect(await refusal(refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: o.lampLine, quantity: 2, restock: true }], notifyCustomer: false }))).toEqual({
      kind: "Invalid",
      fields: { [`lines.${o.lampLine}`]: "At most 1 left to refund" },
    });
    expect((await refusal(refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), amount: 2001, notifyCustomer: false })))?.kind).toBe("Invalid");
    const other = await paidLampAndVase();
    expect((await refusal(refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: other.lampLine, quantity: 1, restock: false }], notifyCustomer: false })))?.fields).toEqual({
      [`lines.${other.lampLine}`]: "Not a line of this order",
    });
    const both = createCaller({ db: t.db, actor: admin.actor }).adminOrders.refund({ orderId: o.orderId, refundId: randomUUID(), amount: 1, lines: [{ orderLineId: o.lampLine, quantity: 1, restock: false }], notifyCustomer: false });
    expect((await clientError(both)).code).toBe("BAD_REQUEST");

    expect(await refundRows(o.orderId)).toHaveLength(1);
    expect(await onHand(o.lamp, shop.east)).toBe(stock);
    expect(await t.db.select().from(orderRefunds).where(eq(orderRefunds.orderId, o.orderId))).toHaveLength(1);
    const unpaid = await insertOrder(t.db, { variantId: o.lamp, status: "pending", payment: "awaiting" });
    expect((await refusal(refundOrder(admin, { orderId: unpaid.id, refundId: randomUUID(), amount: 100, notifyCustomer: false })))?.kind).toBe("Conflict");
    // The rest of the line and of the order can still be refunded.
    expect(await refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), amount: 2000, notifyCustomer: false })).toMatchObject({ refund: "succeeded", refundedAmount: 3000 });
  });

  it("the same form sent again, or twice at once, refunds and restocks once", async () => {
    const o = await paidLampAndVase();
    const stock = await onHand(o.lamp, shop.east);
    const input = { orderId: o.orderId, refundId: randomUUID(), lines: [{ orderLineId: o.lampLine, quantity: 2, restock: true }], notifyCustomer: true };
    const results = await Promise.all([refundOrder(admin, input), refundOrder(admin, input)]);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.reduce((sum, r) => sum + r.restocked, 0)).toBe(2);
    expect(await refundOrder(admin, input)).toEqual({ changed: false, refund: "succeeded", refundedAmount: 2000, restocked: 0 });

    expect(await refundRows(o.orderId)).toEqual([{ amount: 2000, status: "succeeded" }]);
    expect(await onHand(o.lamp, shop.east)).toBe(stock + 2);
    expect(await refundMovements(o.orderId)).toHaveLength(1);
    expect(await ledgerSum(o.lamp, shop.east)).toBe(stock + 2);
  });

  it("a refund the provider refuses restocks nothing and gives its units back to refund again", async () => {
    const o = await paidLampAndVase();
    const stock = await onHand(o.lamp, shop.east);
    const simulator = createSimulatorProvider();
    const refusing: ServiceContext = {
      ...admin,
      payments: { ...simulator, refund: async () => Promise.reject(new PaymentProviderError(simulator.name, "refund", "charge disputed", { refused: true })) },
    };
    const lines = [{ orderLineId: o.lampLine, quantity: 2, restock: true }];
    expect((await refusal(refundOrder(refusing, { orderId: o.orderId, refundId: randomUUID(), lines, notifyCustomer: true })))?.kind).toBe("Conflict");
    expect(await refundRows(o.orderId)).toEqual([{ amount: 2000, status: "failed" }]);
    expect(await onHand(o.lamp, shop.east)).toBe(stock);

    expect(await refundOrder(admin, { orderId: o.orderId, refundId: randomUUID(), lines, notifyCustomer: true })).toMatchObject({ refund: "succeeded", restocked: 2 });
    expect(await onHand(o.lamp, shop.east)).toBe(stock + 2);
  });

  it("emails the customer only when asked to", async () => {
    const o = await paidLampAndVase();
    const quiet = randomUUID();
    const told = randomUUID();
    await refundOrder(admin, { orderId: o.orderId, refundId: quiet, amount: 100, notifyCustomer: false });
    await refundOrder(admin, { orderId: o.orderId, refundId: told, amount: 100, notifyCustomer: true });
    const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" } };
    const [skipped] = await queueOrderEmail(system, { kind: "refund-issued", orderId: o.orderId, subjectId: quiet });
    const [queued] = await queueOrderEmail(system, { kind: "refund-issued", orderId: o.orderId, subjectId: told });
    expect(skipped).toMatchObject({ status: "skipped", skipReason: "the shop chose not to tell the customer about this refund" });
    expect(queued).toMatchObject({ status: "queued", skipReason: null });
  });
});
