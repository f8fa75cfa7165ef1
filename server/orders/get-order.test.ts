import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { orders, payments } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { signLink } from "../signing";
import { createCaller } from "../trpc/root";
import { orderAccessToken, orderPagePath, tokenOpensOrder } from "./order-link";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "./test-fixtures";

const t = useTestDatabase();
let variantId: number;
let productSlug: string;
let userId: string;

beforeAll(async () => {
  setSigningEnv();
  ({ variantId, slug: productSlug } = await insertVariant(t.db));
  userId = await insertUser(t.db);
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 12, minute));

describe("getOrder", () => {
  it("shows the lines, totals, address and status the shopper paid for", async () => {
    const { id, number } = await insertOrder(t.db, { variantId, userId, quantity: 3, status: "paid", paymentStatus: "succeeded" });
    const order = await createCaller({ db: t.db, actor: { type: "shopper", userId } }).orders.get({ orderId: id });
    expect(order).toMatchObject({
      id,
      number,
      status: "paid",
      paymentStatus: "succeeded",
      currency: "USD",
      subtotalAmount: 3750,
      shippingAmount: 499,
      totalAmount: 4249,
      itemCount: 3,
      shippingMethod: "standard",
      shippingAddress: { name: "Ada Lovelace", city: "London", country: "GB" },
    });
    expect(order.lines).toEqual([
      { variantId, sku: "TOTE-NATURAL", productTitle: "Canvas tote", variantTitle: "Natural", productSlug, unitAmount: 1250, quantity: 3, lineAmount: 3750 },
    ]);
    expect(order).not.toHaveProperty("userId");
  });

  it("lists the timeline oldest first, ties in the order they were written, without the jobs' bookkeeping", async () => {
    const { id } = await insertOrder(t.db, {
      variantId,
      events: [
        { type: "paid", createdAt: at(7) },
        { type: "placed", createdAt: at(1) },
        { type: "saga:complete-order", detail: "step ok", createdAt: at(7) },
        { type: "payment_failed", detail: "card declined", createdAt: at(3) },
        { type: "payment_succeeded", createdAt: at(7) },
        { type: "sweeper:cancel-order", createdAt: at(9) },
      ],
    });
    const order = await createCaller({ db: t.db, actor: { type: "anonymous" } }).orders.get({ orderId: id, accessToken: orderAccessToken(id) });
    expect(order.timeline.map((e) => [e.type, e.createdAt.toISOString(), e.detail])).toEqual([
      ["placed", at(1).toISOString(), null],
      ["payment_failed", at(3).toISOString(), "card declined"],
      ["paid", at(7).toISOString(), null],
      ["payment_succeeded", at(7).toISOString(), null],
    ]);
  });

  it("shows a cancelled order's reason", async () => {
    const { id } = await insertOrder(t.db, { variantId, userId, status: "cancelled", paymentStatus: "failed", cancelReason: "Payment declined" });
    const order = await createCaller({ db: t.db, actor: { type: "shopper", userId } }).orders.get({ orderId: id });
    expect(order).toMatchObject({ status: "cancelled", cancelReason: "Payment declined" });
    expect(order.cancelledAt).toBeInstanceOf(Date);
  });

  it("builds the guest link from the order id and its token", async () => {
    const { id } = await insertOrder(t.db, { variantId });
    const url = new URL(orderPagePath(id), "http://shop.test");
    expect(url.pathname).toBe(`/orders/${id}`);
    const order = await createCaller({ db: t.db, actor: { type: "anonymous" } }).orders.get({ orderId: id, accessToken: url.searchParams.get("token") ?? "" });
    expect(order.id).toBe(id);
  });

  it("opens a guest link for 90 days, and never past its expiry or once its key id is rotated out", async () => {
    const { id } = await insertOrder(t.db, { variantId });
    const open = (accessToken: string) =>
      createCaller({ db: t.db, actor: { type: "anonymous" } })
        .orders.get({ orderId: id, accessToken })
        .then(() => "opens", (e: TRPCError) => e.code);
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    const expiry = Number(new URL(orderPagePath(id), "http://shop.test").searchParams.get("token")?.split(".")[1]) * 1000;
    expect(Math.abs(expiry - days(90).getTime())).toBeLessThan(60_000);

    expect(await open(orderAccessToken(id, days(1)))).toBe("opens");
    expect(await open(orderAccessToken(id, new Date(Date.now() - 1000)))).toBe("NOT_FOUND");
    expect(await open(signLink("order", id, days(1), [{ kid: "retired", secret: "r".repeat(40) }]))).toBe("NOT_FOUND");
  });

  describe("paying an unpaid order from its page", () => {
    const shopper = () => createCaller({ db: t.db, actor: { type: "shopper", userId } }).orders;
    const guest = () => createCaller({ db: t.db, actor: { type: "anonymous" } }).orders;

    it("offers the owner the pay page of the order's provider while its payment is awaited", async () => {
      const { id } = await insertOrder(t.db, { variantId, userId, payment: "awaiting" });
      expect(await shopper().get({ orderId: id })).toMatchObject({ payPath: `/pay/${id}`, declineReason: null, holdEnded: false });
      await t.db.update(payments).set({ provider: "stripe" }).where(eq(payments.orderId, id));
      expect((await shopper().get({ orderId: id })).payPath).toBe(`/checkout/pay/${id}`);
    });

    it("gives a guest after a decline a pay link whose token ends with the hold, and the decline's reason", async () => {
      const { id } = await insertOrder(t.db, { variantId, payment: "failed", events: [{ type: "placed" }, { type: "payment_failed", detail: "insufficient_funds" }] });
      const order = await guest().get({ orderId: id, accessToken: orderAccessToken(id) });

      expect(order).toMatchObject({ declineReason: "insufficient_funds", holdEnded: false });
      const url = new URL(order.payPath ?? "", "http://shop.test");
      expect(url.pathname).toBe(`/pay/${id}`);
      const token = url.searchParams.get("token") ?? "";
      expect(tokenOpensOrder(token, id)).toBe(true);
      expect(Number(token.split(".")[1])).toBe(Math.floor(order.reservationExpiresAt.getTime() / 1000));
    });

    it("offers nothing to pay once the hold has ended, a payment is processing or the order is paid", async () => {
      const ended = await insertOrder(t.db, { variantId, userId, payment: "failed" });
      await t.db.update(orders).set({ reservationExpiresAt: sql`now() - interval '1 second'` }).where(eq(orders.id, ended.id));
      const processing = await insertOrder(t.db, { variantId, userId, payment: "processing" });
      const paid = await insertOrder(t.db, { variantId, userId, status: "paid", payment: "succeeded" });

      expect(await shopper().get({ orderId: ended.id })).toMatchObject({ status: "pending", payPath: null, holdEnded: true });
      expect(await shopper().get({ orderId: processing.id })).toMatchObject({ payPath: null, holdEnded: false });
      expect(await shopper().get({ orderId: paid.id })).toMatchObject({ payPath: null, declineReason: null, holdEnded: false });
    });
  });
});
