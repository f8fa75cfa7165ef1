import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { orderColumns } from "./order-queries";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { createCaller } from "../trpc/root";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "./test-fixtures";

const t = useTestDatabase();
let variantId: number;
let adminOrders: ReturnType<typeof createCaller>["adminOrders"];

beforeAll(async () => {
  setSigningEnv();
  ({ variantId } = await insertVariant(t.db));
  adminOrders = createCaller({ db: t.db, actor: { type: "admin", userId: await insertUser(t.db, "admin") } }).adminOrders;
});

// 2 x 12.50 + 4.99 shipping = 29.99
const paidOrder = () => insertOrder(t.db, { variantId, status: "paid", payment: "succeeded" });

async function refundState(orderId: string) {
  const [order] = await t.db
    .select({ status: orders.status, paymentStatus: orderColumns.paymentStatus, refundedAmount: orders.refundedAmount })
    .from(orders)
    .where(eq(orders.id, orderId));
  return order!;
}

describe("adminRefundOrder", () => {
  it("refunds part, then the rest, then refuses a third refund", async () => {
    const { id } = await paidOrder();
    expect(await adminOrders.refund({ orderId: id, amount: 1000, expectedRefundedAmount: 0, reason: "Scratched" })).toMatchObject({
      changed: true,
      status: "paid",
      paymentStatus: "partially_refunded",
      refundedAmount: 1000,
    });
    expect(await adminOrders.refund({ orderId: id, expectedRefundedAmount: 1000 })).toMatchObject({ changed: true, status: "refunded", paymentStatus: "refunded", refundedAmount: 2999 });
    expect((await clientError(adminOrders.refund({ orderId: id, amount: 1, expectedRefundedAmount: 2999 }))).code).toBe("CONFLICT");

    const view = await adminOrders.get({ orderId: id });
    expect(view.payment?.refunds.map((r) => [r.amount, r.reason])).toEqual([
      [1000, "Scratched"],
      [1999, null],
    ]);
    expect(view.events.filter((e) => e.type === "refunded")).toHaveLength(2);
  });

  it.each([
    ["pending", { status: "pending", payment: "awaiting" }],
    ["cancelled", { status: "cancelled", payment: "cancelled" }],
  ] as const)("refuses a %s order with CONFLICT", async (_status, fixture) => {
    const { id } = await insertOrder(t.db, { variantId, ...fixture });
    expect((await clientError(adminOrders.refund({ orderId: id, expectedRefundedAmount: 0 }))).code).toBe("CONFLICT");
    expect(await refundState(id)).toMatchObject({ status: fixture.status, refundedAmount: 0 });
  });

  it("rejects amounts of zero, below zero, fractions and more than is left with BAD_REQUEST, refunding nothing", async () => {
    const { id } = await paidOrder();
    for (const amount of [0, -100, 12.5]) {
      const error = await clientError(adminOrders.refund({ orderId: id, amount, expectedRefundedAmount: 0 }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.zodIssues?.[0]?.path).toEqual(["amount"]);
    }
    await adminOrders.refund({ orderId: id, amount: 2000, expectedRefundedAmount: 0 });
    const tooMuch = await clientError(adminOrders.refund({ orderId: id, amount: 1000, expectedRefundedAmount: 2000 }));
    expect(tooMuch.code).toBe("BAD_REQUEST");
    expect(tooMuch.fieldErrors?.amount).toMatch(/999/);
    expect(await refundState(id)).toEqual({ status: "paid", paymentStatus: "partially_refunded", refundedAmount: 2000 });
  });

  it("requires the refunded amount the form showed, so a submit can always be told from its double", async () => {
    const { id } = await paidOrder();
    const error = await clientError(adminOrders.refund({ orderId: id, amount: 500 } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.zodIssues?.[0]?.path).toEqual(["expectedRefundedAmount"]);
    expect(await refundState(id)).toMatchObject({ refundedAmount: 0 });
  });

  it("refunds once when the same form is submitted twice at the same time", async () => {
    const { id } = await paidOrder();
    const submit = () => adminOrders.refund({ orderId: id, amount: 500, expectedRefundedAmount: 0 });
    const results = await Promise.all([submit(), submit()]);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(await refundState(id)).toMatchObject({ refundedAmount: 500 });
    expect((await adminOrders.get({ orderId: id })).payment?.refunds).toHaveLength(1);
  });
});
