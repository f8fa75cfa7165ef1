import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products, shipmentLines, shipments, variants } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertPendingOrder, seedShop } from "../checkout/checkout-test-fixtures";
import { systemContext } from "../context";
import { createShipmentsForOrder, PACKAGING_GRAMS } from "./create-shipments-for-order";
import { paidOrder, shippedQuantities, weighedVariant, type Shop } from "./test-fixtures";

const t = useTestDatabase({ max: 10 });
const system = () => systemContext(t.db, "test");
let shop: Shop;

beforeAll(async () => {
  shop = await seedShop(t.db);
});

describe("createShipmentsForOrder", () => {
  it("makes one shipment per warehouse the order's stock came from, whose lines sum exactly to the order", async () => {
    // 5 lamps: 2 in the east, 3 in the west; 1 mug in the east only.
    const lamp = await weighedVariant(t.db, shop, { east: 2, west: 3 }, 800);
    const mug = await weighedVariant(t.db, shop, { east: 4, west: 0 }, 300);
    const orderId = await paidOrder(t.db, [
      { variantId: lamp, quantity: 5 },
      { variantId: mug, quantity: 1 },
    ]);

    const ids = await createShipmentsForOrder(system(), { orderId });

    expect(ids).toHaveLength(2);
    const rows = await t.db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.warehouseId));
    expect(rows.map((s) => ({ warehouse: s.warehouseId, status: s.status, weight: s.weightGrams }))).toEqual([
      { warehouse: shop.east, status: "pending", weight: 2 * 800 + 300 + PACKAGING_GRAMS },
      { warehouse: shop.west, status: "pending", weight: 3 * 800 + PACKAGING_GRAMS },
    ]);
    const lines = await t.db.select({ shipmentId: shipmentLines.shipmentId, variantId: shipmentLines.variantId, quantity: shipmentLines.quantity }).from(shipmentLines);
    const of = (id: string) => lines.filter((l) => l.shipmentId === id).map(({ variantId, quantity }) => ({ variantId, quantity })).sort((a, b) => a.variantId - b.variantId);
    expect(of(rows[0]!.id)).toEqual([
      { variantId: lamp, quantity: 2 },
      { variantId: mug, quantity: 1 },
    ]);
    expect(of(rows[1]!.id)).toEqual([{ variantId: lamp, quantity: 3 }]);
    for (const line of await shippedQuantities(t.db, orderId)) expect(line.shipped).toBe(line.ordered);
  });

  it("answers the same shipments and adds nothing when called again, or eight times at once", async () => {
    const variantId = await weighedVariant(t.db, shop, { east: 1, west: 1 });
    const orderId = await paidOrder(t.db, [{ variantId, quantity: 2 }]);

    const answers = await Promise.all(Array.from({ length: 8 }, () => createShipmentsForOrder(system(), { orderId })));
    const again = await createShipmentsForOrder(system(), { orderId });

    expect(new Set(answers.map((a) => a.join()))).toEqual(new Set([again.join()]));
    expect(again).toHaveLength(2);
    expect(await shippedQuantities(t.db, orderId)).toEqual([expect.objectContaining({ ordered: 2, shipped: 2, shipments: 2 })]);
  });

  it("leaves out goods that need no shipping: an ebook with a lamp ships the lamp alone, an ebook alone ships nothing", async () => {
    const lamp = await weighedVariant(t.db, shop, { east: 2, west: 0 });
    const ebook = await weighedVariant(t.db, shop, { east: 2, west: 0 }, 0);
    const [book] = await t.db.select({ productId: variants.productId }).from(variants).where(eq(variants.id, ebook));
    await t.db.update(products).set({ requiresShipping: false }).where(eq(products.id, book!.productId));

    const mixed = await paidOrder(t.db, [
      { variantId: lamp, quantity: 1 },
      { variantId: ebook, quantity: 1 },
    ]);
    const ebookOnly = await paidOrder(t.db, [{ variantId: ebook, quantity: 1 }]);

    const [shipmentId] = await createShipmentsForOrder(system(), { orderId: mixed });
    const lines = await t.db.select({ variantId: shipmentLines.variantId, quantity: shipmentLines.quantity }).from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId!));
    expect(lines).toEqual([{ variantId: lamp, quantity: 1 }]);
    expect(await createShipmentsForOrder(system(), { orderId: ebookOnly })).toEqual([]);
  });

  it("makes nothing for an order that is not paid, and refuses shoppers", async () => {
    const orderId = await insertPendingOrder(t.db);
    expect(await createShipmentsForOrder(system(), { orderId })).toEqual([]);
    await expect(createShipmentsForOrder({ db: t.db, actor: { type: "shopper", userId: "u1" } }, { orderId })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(createShipmentsForOrder(system(), { orderId: crypto.randomUUID() })).rejects.toMatchObject({ kind: "NotFound" });
  });
});
