import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, returnLines, returns } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertShopper, seedShop } from "../checkout/checkout-test-fixtures";
import { setSigningEnv } from "../orders/test-fixtures";
import type { Shop } from "../shipping/test-fixtures";
import { approveReturn } from "./approve-return";
import { listReturns } from "./list-returns";
import { receiveReturn } from "./receive-return";
import { refundReturn } from "./refund-return";
import { rejectReturn } from "./reject-return";
import { requestReturn } from "./request-return";
import type { ReturnStatus } from "./return-status";
import { adminContext, deliveredOrder, shopperContext } from "./test-fixtures";

const t = useTestDatabase();
let shop: Shop;
let shopperId: string;

/** A return of one lamp moved on to `status`, its current step dated `hoursAgo` hours back. */
async function returnIn(status: ReturnStatus, hoursAgo: number) {
  const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
  const returnId = crypto.randomUUID();
  await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Too big", lines: [{ orderLineId: lampLine, quantity: 1 }] });
  const { ctx } = adminContext(t.db);
  if (status === "rejected") await rejectReturn(ctx, { returnId, reason: "Worn" });
  if (["approved", "received", "refunded"].includes(status)) await approveReturn(ctx, { returnId });
  if (["received", "refunded"].includes(status)) await receiveReturn(ctx, { returnId });
  if (status === "refunded") {
    const [line] = await t.db.select().from(returnLines).where(eq(returnLines.returnId, returnId));
    await refundReturn(ctx, { returnId, restock: [{ shipmentId: line!.shipmentId, orderLineId: lampLine, restock: false }] });
  }
  const at = sql`now() - make_interval(hours => ${hoursAgo})`;
  await t.db.update(returns).set({ requestedAt: at, approvedAt: at, receivedAt: at, refundedAt: at, rejectedAt: at }).where(eq(returns.id, returnId));
  const [order] = await t.db.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
  return { returnId, orderId, orderNumber: order!.number };
}

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  shopperId = await insertShopper(t.db);
});

describe("admin returns list", () => {
  it("shows the returns in the chosen status, longest waiting first, with their order and age", async () => {
    const newer = await returnIn("requested", 2);
    const older = await returnIn("requested", 30);
    const approved = await returnIn("approved", 5);
    const received = await returnIn("received", 1);
    const refunded = await returnIn("refunded", 3);
    const rejected = await returnIn("rejected", 4);
    const { ctx } = adminContext(t.db);

    const requested = await listReturns(ctx, { status: "requested", page: 1 });
    expect(requested.total).toBe(2);
    expect(requested.items.map((r) => r.returnId)).toEqual([older.returnId, newer.returnId]);
    expect(requested.items[0]).toMatchObject({ orderId: older.orderId, orderNumber: older.orderNumber, status: "requested", reason: "Too big", refundAmount: 1000, currency: "USD", itemCount: 1 });
    expect(requested.items[0]!.ageSeconds).toBeGreaterThanOrEqual(30 * 3600 - 60);
    expect(requested.items[0]!.since).toBeInstanceOf(Date);

    for (const [status, expected] of [
      ["approved", approved],
      ["received", received],
      ["refunded", refunded],
      ["rejected", rejected],
    ] as const) {
      const page = await listReturns(ctx, { status, page: 1 });
      expect(page.items.map((r) => [r.returnId, r.status])).toEqual([[expected.returnId, status]]);
    }
    expect((await listReturns(ctx, { status: "requested", page: 2 })).items).toEqual([]);
  });
});
