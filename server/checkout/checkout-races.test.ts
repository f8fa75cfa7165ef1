import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { DomainError } from "../errors";
import { createOrderFromCart } from "./create-order-from-cart";
import { insertGuestCarts, insertVariant, seedShop, stockOf } from "./checkout-test-fixtures";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

// Real races: many connections, every checkout its own transaction, all started at once.
const t = useTestDatabase({ max: 100 });
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  shop = await seedShop(t.db);
});

const checkout = (cartId: string) => createOrderFromCart({ db: t.db, actor: { type: "anonymous" }, guestCartId: cartId, carrier: createCarrierSimulator() }, { cartId });

/** Settles every checkout and sorts the outcomes: orders made, OutOfStock answers, anything else. */
async function race(cartIds: string[]) {
  const settled = await Promise.allSettled(cartIds.map(checkout));
  const orders = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const errors = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
  const outOfStock = errors.filter((e) => e instanceof DomainError && e.kind === "OutOfStock");
  const other = errors.filter((e) => !(e instanceof DomainError && e.kind === "OutOfStock"));
  return { orders, outOfStock, other };
}

async function ordersHolding(variantId: number) {
  const [row] = await t.db.execute<{ orders: number }>(sql`
    select count(distinct order_id)::int as orders from order_lines where variant_id = ${variantId}`);
  return row!.orders;
}

describe("concurrent checkouts", () => {
  it("last unit: two shoppers race for one unit, one gets it and the other a clean OutOfStock", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 1 }] });
    const { orders, outOfStock, other } = await race(await insertGuestCarts(t.db, 2, [{ variantId, quantity: 1 }]));

    expect(other).toEqual([]);
    expect(orders).toHaveLength(1);
    expect(outOfStock).toHaveLength(1);
    expect(await stockOf(t.db, variantId)).toEqual({ levels: [{ warehouseId: shop.east, onHand: 1, reserved: 1 }], activeReserved: 1 });
    expect(await ordersHolding(variantId)).toBe(1);
  });

  it("flash sale: 50 units over two warehouses, 200 shoppers, ten rounds: always 50 orders and 150 OutOfStock", async () => {
    for (let round = 0; round < 10; round++) {
      const variantId = await insertVariant(t.db, shop.categoryId, {
        stock: [
          { warehouseId: shop.east, onHand: 30 },
          { warehouseId: shop.west, onHand: 20 },
        ],
      });
      const { orders, outOfStock, other } = await race(await insertGuestCarts(t.db, 200, [{ variantId, quantity: 1 }]));

      expect(other).toEqual([]);
      expect(orders).toHaveLength(50);
      expect(outOfStock).toHaveLength(150);
      expect(await stockOf(t.db, variantId)).toEqual({
        levels: [
          { warehouseId: shop.east, onHand: 30, reserved: 30 },
          { warehouseId: shop.west, onHand: 20, reserved: 20 },
        ],
        activeReserved: 50,
      });
      expect(await ordersHolding(variantId)).toBe(50);
    }
  }, 180_000);

  it("demand over two warehouses' stock is refused whole: no order, no reservation, stock untouched", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, {
      stock: [
        { warehouseId: shop.east, onHand: 2 },
        { warehouseId: shop.west, onHand: 1 },
      ],
    });
    const { orders, outOfStock } = await race(await insertGuestCarts(t.db, 1, [{ variantId, quantity: 4 }]));
    expect(orders).toEqual([]);
    expect(outOfStock).toHaveLength(1);
    expect(await stockOf(t.db, variantId)).toEqual({
      levels: [
        { warehouseId: shop.east, onHand: 2, reserved: 0 },
        { warehouseId: shop.west, onHand: 1, reserved: 0 },
      ],
      activeReserved: 0,
    });
    expect(await ordersHolding(variantId)).toBe(0);
  });

  it("100 overlapping carts with lines in random orders all check out without a deadlock", async () => {
    const variantIds: number[] = [];
    for (let i = 0; i < 6; i++) {
      variantIds.push(
        await insertVariant(t.db, shop.categoryId, {
          stock: [
            { warehouseId: shop.east, onHand: 60 },
            { warehouseId: shop.west, onHand: 60 },
          ],
        }),
      );
    }
    const shuffled = () => [...variantIds].sort(() => Math.random() - 0.5);
    const cartIds: string[] = [];
    const demand = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const lines = shuffled()
        .slice(0, 2 + (i % 4))
        .map((variantId) => ({ variantId, quantity: 1 + (i % 2) }));
      for (const l of lines) demand.set(l.variantId, (demand.get(l.variantId) ?? 0) + l.quantity);
      cartIds.push(...(await insertGuestCarts(t.db, 1, lines)));
    }

    const { orders, outOfStock, other } = await race(cartIds);
    expect(other).toEqual([]);
    expect(outOfStock).toEqual([]);
    expect(orders).toHaveLength(100);
    for (const variantId of variantIds) {
      const stock = await stockOf(t.db, variantId);
      expect(stock.activeReserved).toBe(demand.get(variantId));
      expect(stock.levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(demand.get(variantId));
    }
  });

  it("double submit: the same cart placed 10 times at once makes one order and ten identical answers", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 5 }] });
    const [cartId] = await insertGuestCarts(t.db, 1, [{ variantId, quantity: 2 }]);
    const { orders, other } = await race(Array.from({ length: 10 }, () => cartId!));

    expect(other).toEqual([]);
    expect(orders).toHaveLength(10);
    expect(new Set(orders.map((o) => JSON.stringify({ ...o, created: null }))).size).toBe(1);
    expect(orders.filter((o) => o.created)).toHaveLength(1);
    expect(await ordersHolding(variantId)).toBe(1);
    expect((await stockOf(t.db, variantId)).activeReserved).toBe(2);
  });
});
