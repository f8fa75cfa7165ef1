import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { listMyOrders } from "./list-my-orders";
import { insertOrder, insertUser, insertVariant } from "./test-fixtures";

const t = useTestDatabase();
let variantId: number;

beforeAll(async () => {
  ({ variantId } = await insertVariant(t.db));
});

const day = (d: number) => new Date(Date.UTC(2026, 9, d, 10));

describe("listMyOrders", () => {
  it("lists only the shopper's own orders, newest first, page by page", async () => {
    const [me, someoneElse] = await Promise.all([insertUser(t.db), insertUser(t.db)]);
    const mine = [];
    for (const d of [3, 1, 2]) mine.push(await insertOrder(t.db, { variantId, userId: me, placedAt: day(d), quantity: d }));
    await insertOrder(t.db, { variantId, userId: someoneElse, placedAt: day(4) });
    await insertOrder(t.db, { variantId, placedAt: day(5) });

    const ctx = { db: t.db, actor: { type: "shopper", userId: me } } as const;
    const first = await listMyOrders(ctx, { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((o) => [o.number, o.itemCount])).toEqual([
      [mine[0]!.number, 3],
      [mine[2]!.number, 2],
    ]);
    const second = await listMyOrders(ctx, { page: 2, pageSize: 2 });
    expect(second.items.map((o) => o.number)).toEqual([mine[1]!.number]);
    expect(second.items[0]).toMatchObject({ status: "pending", paymentStatus: "awaiting", totalAmount: 1749, currency: "USD" });
  });

  it("gives a shopper without orders an empty history and asks anonymous callers to sign in", async () => {
    const newcomer = await insertUser(t.db);
    expect(await listMyOrders({ db: t.db, actor: { type: "shopper", userId: newcomer } }, { page: 1, pageSize: 20 })).toEqual({ items: [], total: 0 });
    await expect(listMyOrders({ db: t.db, actor: { type: "anonymous" } }, { page: 1, pageSize: 20 })).rejects.toMatchObject({ kind: "Unauthenticated" });
  });
});
