import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orderEvents, orders, refunds, returnLines, returns } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertShopper, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import { DomainError } from "../errors";
import { refundPayment } from "../payments/refund-payment";
import type { Shop } from "../shipping/test-fixtures";
import { approveReturn } from "./approve-return";
import { listOrderReturns } from "./list-order-returns";
import { receiveReturn } from "./receive-return";
import { refundReturn } from "./refund-return";
import { rejectReturn } from "./reject-return";
import { requestReturn } from "./request-return";
import { adminContext, deliveredOrder, shopperContext } from "./test-fixtures";

const t = useTestDatabase({ max: 10 });
let shop: Shop;
let shopperId: string;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  process.env.DATABASE_URL ??= t.url;
  shop = await seedShop(t.db);
  shopperId = await insertShopper(t.db);
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { kind: error.kind, message: error.message, fields: error.fieldErrors } : Promise.reject(error)),
  );

/** The stock ledger's return movements of this order, and the on-hand they explain, by variant and warehouse. */
const returnMovements = (orderId: string) =>
  t.db.execute<{ variantId: number; warehouseId: number; onHandDelta: number; reservedDelta: number }>(sql`
    select variant_id as "variantId", warehouse_id as "warehouseId", on_hand_delta as "onHandDelta", reserved_delta as "reservedDelta"
      from stock_movements where order_id = ${orderId} and reason like 'return%' order by id`);

/** Stock rows of these variants whose ledger does not sum to what is on hand and reserved (none, when every write went through it). */
const ledgerGaps = (variantIds: number[]) =>
  t.db.execute(sql`
    select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, coalesce(sum(m.on_hand_delta), 0)::int as ledger_on_hand, coalesce(sum(m.reserved_delta), 0)::int as ledger_reserved
      from stock_levels s left join stock_movements m on m.variant_id = s.variant_id and m.warehouse_id = s.warehouse_id
     where s.variant_id in ${sql.raw(`(${variantIds.map(Number).join(",")})`)}
     group by s.variant_id, s.warehouse_id, s.on_hand, s.reserved
    having s.on_hand <> coalesce(sum(m.on_hand_delta), 0) or s.reserved <> coalesce(sum(m.reserved_delta), 0)`).then((rows) => [...rows]);

describe("returns", () => {
  it("request → approve → receive → refund restocks the chosen line only; stock, ledger and refund agree; every step again changes nothing", async () => {
    const { orderId, lamp, vase, lampLine, vaseLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const shopper = shopperContext(t.db, shopperId);
    const { ctx: admin, carrier } = adminContext(t.db);
    const before = { lamp: await stockOf(t.db, lamp), vase: await stockOf(t.db, vase) };
    // The page shows each line's last day: a real date, within 30 days of delivery.
    const offered = await listOrderReturns(shopper, { orderId });
    for (const line of offered.returnable) expect((line.returnBy.getTime() - Date.now()) / 86_400_000).toSatisfy((days: number) => days > 0 && days <= 30);
    expect(offered.returnable).toHaveLength(2);
    const returnId = crypto.randomUUID();
    const request = { orderId, returnId, reason: "Too bright", lines: [{ orderLineId: lampLine, quantity: 2 }, { orderLineId: vaseLine, quantity: 1 }] };

    expect(await requestReturn(shopper, request)).toEqual({ returnId, changed: true });
    expect(await requestReturn(shopper, request)).toEqual({ returnId, changed: false });
    const view = await listOrderReturns(shopper, { orderId });
    expect(view.returnable).toEqual([]);
    expect(view.returns).toMatchObject([{ id: returnId, status: "requested", refundAmount: 3000, lines: [{ orderLineId: lampLine, quantity: 2 }, { orderLineId: vaseLine, quantity: 1 }] }]);

    const approved = await approveReturn(admin, { returnId });
    expect(approved).toMatchObject({ status: "approved", changed: true, label: "issued" });
    expect(approved.trackingCode).toMatch(/^SIM\d{12}$/);
    expect(await approveReturn(admin, { returnId })).toEqual({ ...approved, changed: false });
    expect(carrier.buyCalls).toBe(1);

    expect(await receiveReturn(admin, { returnId })).toEqual({ status: "received", changed: true });
    expect(await receiveReturn(admin, { returnId })).toEqual({ status: "received", changed: false });

    const [lampShipment] = await t.db.select({ shipmentId: returnLines.shipmentId }).from(returnLines).where(eq(returnLines.orderLineId, lampLine));
    const [vaseShipment] = await t.db.select({ shipmentId: returnLines.shipmentId }).from(returnLines).where(eq(returnLines.orderLineId, vaseLine));
    const restock = [
      { ...lampShipment!, orderLineId: lampLine, restock: true },
      { ...vaseShipment!, orderLineId: vaseLine, restock: false },
    ];
    expect(await refundReturn(admin, { returnId, restock })).toEqual({ status: "refunded", changed: true, refund: "succeeded" });
    const after = { lamp: await stockOf(t.db, lamp), vase: await stockOf(t.db, vase) };
    const onHand = (s: typeof after.lamp, warehouseId: number) => s.levels.find((l) => l.warehouseId === warehouseId)!.onHand;
    expect(onHand(after.lamp, shop.east)).toBe(onHand(before.lamp, shop.east) + 2);
    expect(onHand(after.vase, shop.west)).toBe(onHand(before.vase, shop.west));
    expect([...(await returnMovements(orderId))]).toEqual([{ variantId: lamp, warehouseId: shop.east, onHandDelta: 2, reservedDelta: 0 }]);
    expect(await ledgerGaps([lamp, vase])).toEqual([]);

    // Again, even with the other choice: nothing more is refunded or restocked.
    const other = restock.map((r) => ({ ...r, restock: !r.restock }));
    expect(await refundReturn(admin, { returnId, restock: other })).toEqual({ status: "refunded", changed: false, refund: "succeeded" });
    expect(await approveReturn(admin, { returnId })).toMatchObject({ status: "refunded", changed: false });
    expect(await receiveReturn(admin, { returnId })).toEqual({ status: "refunded", changed: false });
    expect({ lamp: await stockOf(t.db, lamp), vase: await stockOf(t.db, vase) }).toEqual(after);
    expect(await returnMovements(orderId)).toHaveLength(1);
    expect(await ledgerGaps([lamp, vase])).toEqual([]);

    const [order] = await t.db.select({ status: orders.status, refundedAmount: orders.refundedAmount }).from(orders).where(eq(orders.id, orderId));
    expect(order).toEqual({ status: "refunded", refundedAmount: 3000 });
    const [row] = await t.db.select().from(returns).where(eq(returns.id, returnId));
    const refundRows = await t.db.select({ id: refunds.id, amount: refunds.amount, status: refunds.status }).from(refunds);
    expect(refundRows.filter((r) => r.id === row!.refundId)).toEqual([{ id: row!.refundId, amount: 3000, status: "succeeded" }]);
    const events = await t.db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.map((e) => e.type).filter((type) => type.startsWith("return") || type === "refunded")).toEqual([
      "return_requested",
      "return_approved",
      "return_label",
      "return_received",
      "refunded",
      "return_refunded",
    ]);
  });

  it("reject: a requested return is turned down with a reason the shopper sees; again changes nothing; it moves no further", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const shopper = shopperContext(t.db, shopperId);
    const { ctx: admin, carrier } = adminContext(t.db);
    const returnId = crypto.randomUUID();
    await requestReturn(shopper, { orderId, returnId, reason: "Changed my mind", lines: [{ orderLineId: lampLine, quantity: 1 }] });

    expect(await rejectReturn(admin, { returnId, reason: "Worn: the tags are off" })).toEqual({ status: "rejected", changed: true });
    expect(await rejectReturn(admin, { returnId, reason: "Another reason" })).toEqual({ status: "rejected", changed: false });
    const [seen] = (await listOrderReturns(shopper, { orderId })).returns;
    expect(seen).toMatchObject({ id: returnId, status: "rejected", rejectionReason: "Worn: the tags are off", trackingCode: null, hasLabel: false });
    expect(await refusal(approveReturn(admin, { returnId }))).toMatchObject({ kind: "Conflict" });
    expect(await refusal(receiveReturn(admin, { returnId }))).toMatchObject({ kind: "Conflict" });
    expect(carrier.buyCalls).toBe(0);
    // The database holds it too: a rejected return cannot be approved behind the verbs' back.
    await expect(t.db.update(returns).set({ status: "approved" }).where(eq(returns.id, returnId))).rejects.toThrow();

    // An approved return can no longer be rejected.
    const approvedId = crypto.randomUUID();
    const other = await deliveredOrder(t.db, shop, { userId: shopperId });
    await requestReturn(shopper, { orderId: other.orderId, returnId: approvedId, reason: "Too big", lines: [{ orderLineId: other.lampLine, quantity: 1 }] });
    await approveReturn(admin, { returnId: approvedId });
    expect(await refusal(rejectReturn(admin, { returnId: approvedId, reason: "Late" }))).toMatchObject({ kind: "Conflict" });
    const events = await t.db.select({ type: orderEvents.type, detail: orderEvents.detail }).from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.filter((e) => e.type === "return_rejected")).toEqual([{ type: "return_rejected", detail: "Return rejected: Worn: the tags are off" }]);
  });

  it("a line goes back at most as many times as it was delivered, even when two requests race", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const shopper = shopperContext(t.db, shopperId);
    const ask = (quantity: number) => requestReturn(shopper, { orderId, returnId: crypto.randomUUID(), reason: "Broken", lines: [{ orderLineId: lampLine, quantity }] });

    const raced = await Promise.allSettled([ask(2), ask(2), ask(2)]);
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of raced) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DomainError);
    expect(await refusal(ask(1))).toMatchObject({ kind: "Invalid", fields: { "lines.0.quantity": "This item has been returned already" } });
    const [sum] = await t.db.execute<{ returned: number }>(sql`
      select coalesce(sum(rl.quantity), 0)::int as returned from return_lines rl where rl.order_line_id = ${lampLine}`);
    expect(sum!.returned).toBe(2);

    // The database holds the rule by itself too.
    const [first] = await t.db.select().from(returnLines).where(eq(returnLines.orderLineId, lampLine));
    const [extra] = await t.db.insert(returns).values({ id: crypto.randomUUID(), orderId, reason: "sneaky", refundAmount: 1000, currency: "USD" }).returning();
    await expect(t.db.insert(returnLines).values({ ...first!, returnId: extra!.id, quantity: 1 })).rejects.toMatchObject({ cause: { constraint_name: "return_lines_within_shipped" } });
  });

  it("asks for no more than is left, one item at a time", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const shopper = shopperContext(t.db, shopperId);
    const ask = (quantity: number) => requestReturn(shopper, { orderId, returnId: crypto.randomUUID(), reason: "Broken", lines: [{ orderLineId: lampLine, quantity }] });
    expect((await ask(1)).changed).toBe(true);
    expect(await refusal(ask(2))).toMatchObject({ kind: "Invalid", fields: { "lines.0.quantity": "At most 1 can be returned" } });
    expect((await ask(1)).changed).toBe(true);
  });

  it("refuses after the 30 days, before delivery, and on another shopper's order (NOT_FOUND)", async () => {
    const late = await deliveredOrder(t.db, shop, { userId: shopperId, deliveredDaysAgo: 31 });
    const shopper = shopperContext(t.db, shopperId);
    const ask = (orderId: string, orderLineId: number, ctx = shopper) => requestReturn(ctx, { orderId, returnId: crypto.randomUUID(), reason: "Late", lines: [{ orderLineId, quantity: 1 }] });
    expect(await refusal(ask(late.orderId, late.lampLine))).toMatchObject({ kind: "Invalid", fields: { "lines.0.quantity": "Returns close 30 days after delivery" } });
    expect((await listOrderReturns(shopper, { orderId: late.orderId })).returnable).toEqual([]);

    const fresh = await deliveredOrder(t.db, shop, { userId: shopperId, deliveredDaysAgo: 29 });
    const other = shopperContext(t.db, await insertShopper(t.db));
    expect(await refusal(ask(fresh.orderId, fresh.lampLine, other))).toEqual({ kind: "NotFound", message: "Order not found", fields: undefined });
    expect(await refusal(listOrderReturns(other, { orderId: fresh.orderId }))).toMatchObject({ kind: "NotFound" });

    await t.db.execute(sql`update shipments set status = 'returned' where order_id = ${fresh.orderId}`);
    expect(await refusal(ask(fresh.orderId, fresh.lampLine))).toMatchObject({ kind: "Invalid", fields: { "lines.0.quantity": "This item has not been delivered" } });
  });

  it("steps out of order are refused, and a refund never passes what is left of the payment", async () => {
    const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
    const { ctx: admin } = adminContext(t.db);
    const returnId = crypto.randomUUID();
    await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Wrong colour", lines: [{ orderLineId: lampLine, quantity: 2 }] });
    expect(await refusal(receiveReturn(admin, { returnId }))).toMatchObject({ kind: "Conflict" });
    const [line] = await t.db.select({ shipmentId: returnLines.shipmentId }).from(returnLines).where(eq(returnLines.returnId, returnId));
    const restock = [{ shipmentId: line!.shipmentId, orderLineId: lampLine, restock: true }];
    expect(await refusal(refundReturn(admin, { returnId, restock }))).toMatchObject({ kind: "Conflict" });
    await approveReturn(admin, { returnId });
    await receiveReturn(admin, { returnId });
    expect(await refusal(refundReturn(admin, { returnId, restock: [] }))).toMatchObject({ kind: "Invalid" });

    // 2,500 of the 3,000 paid goes back by hand first: the return's 2,000 no longer fits, and nothing moves.
    await refundPayment(admin, { orderId, amount: 2500, expectedRefundedAmount: 0 });
    expect(await refusal(refundReturn(admin, { returnId, restock }))).toMatchObject({ kind: "Invalid" });
    const [order] = await t.db.select({ refundedAmount: orders.refundedAmount }).from(orders).where(eq(orders.id, orderId));
    expect(order!.refundedAmount).toBe(2500);
    expect(await returnMovements(orderId)).toHaveLength(0);
    const [row] = await t.db.select({ status: returns.status }).from(returns).where(eq(returns.id, returnId));
    expect(row!.status).toBe("received");
  });
});
