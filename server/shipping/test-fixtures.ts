import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders, shipments, variants } from "@/db/schema";
import { insertPendingOrder, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import { completeOrder } from "../checkout/complete-order";
import { systemContext, type ServiceContext } from "../context";
import { reserveStock } from "../inventory/reserve-stock";
import { createDiskFileStorage } from "../storage/disk-file-storage";
import type { Carrier } from "./carrier";
import { createCarrierSimulator } from "./carrier-simulator";

export type Shop = Awaited<ReturnType<typeof seedShop>>;

/** A variant weighing `weightGrams` with `onHand` units in each of the shop's two warehouses. */
export async function weighedVariant(db: Db, shop: Shop, onHand: { east: number; west: number }, weightGrams = 400) {
  const variantId = await insertVariant(db, shop.categoryId, {
    stock: [
      { warehouseId: shop.east, onHand: onHand.east },
      { warehouseId: shop.west, onHand: onHand.west },
    ],
  });
  await db.update(variants).set({ weightGrams }).where(eq(variants.id, variantId));
  return variantId;
}

/**
 * An order of these lines at 10.00 each, its stock reserved as checkout reserves it and then paid (stock committed,
 * shop/order.paid written). Built from the inventory and order verbs, not from a cart, so checkout's pricing stays out of it.
 */
export async function paidOrder(db: Db, lines: { variantId: number; quantity: number }[], options: { shippingMethod?: string } = {}) {
  const orderId = await insertPendingOrder(db);
  const skus = await db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.id, lines.map((l) => l.variantId)));
  await db.insert(orderLines).values(
    lines.map((l) => ({
      orderId,
      variantId: l.variantId,
      sku: skus.find((v) => v.id === l.variantId)!.sku,
      productTitle: "Product",
      variantTitle: "Default",
      unitAmount: 1000,
      quantity: l.quantity,
      lineAmount: 1000 * l.quantity,
    })),
  );
  const total = lines.reduce((sum, l) => sum + 1000 * l.quantity, 0);
  await db.update(orders).set({ subtotalAmount: total, totalAmount: total, shippingMethod: options.shippingMethod ?? "Ground" }).where(eq(orders.id, orderId));
  const system = systemContext(db, "test");
  await reserveStock(system, { orderId, expiresAt: new Date(Date.now() + 15 * 60_000), lines });
  await completeOrder(system, { orderId });
  return orderId;
}

/** The carrier simulator with a count of the buyLabel calls that reached it (the simulator counts only new labels). */
export function countingSimulator(): Carrier & { readonly purchases: number; readonly buyCalls: number } {
  const simulator = createCarrierSimulator();
  let buyCalls = 0;
  return {
    ...simulator,
    get purchases() {
      return simulator.purchases;
    },
    get buyCalls() {
      return buyCalls;
    },
    buyLabel(input) {
      buyCalls += 1;
      return simulator.buyLabel(input);
    },
  };
}

/** A system context on the simulator, storing files in a fresh temporary folder. */
export function fulfilmentContext(db: Db, carrier: Carrier = countingSimulator()): ServiceContext {
  const storage = createDiskFileStorage(mkdtempSync(path.join(tmpdir(), "emporium-shipping-")));
  return { ...systemContext(db, "test"), carrier, storage };
}

/**
 * `count` shipments whose labels were bought, each of its own paid order, straight into label_purchased with the
 * simulator's carrier name and the given tracking codes (for webhook tests that need no carrier).
 */
export async function labelledShipments(db: Db, shop: Shop, trackingCodes: string[], carrier: string): Promise<string[]> {
  const variantId = await weighedVariant(db, shop, { east: trackingCodes.length, west: 0 });
  const ids: string[] = [];
  for (const trackingCode of trackingCodes) {
    const orderId = await paidOrder(db, [{ variantId, quantity: 1 }]);
    const [row] = await db
      .insert(shipments)
      .values({
        orderId,
        warehouseId: shop.east,
        status: "label_purchased",
        weightGrams: 500,
        carrier,
        service: "Ground",
        trackingCode,
        trackingUrl: `https://shop.test/orders/${orderId}`,
        labelKey: `shipments/${orderId}/label.pdf`,
        labelPurchasedAt: new Date(),
      })
      .returning({ id: shipments.id });
    ids.push(row!.id);
  }
  return ids;
}

/** The shipments' statuses, in the order of `ids`. */
export async function statusesOf(db: Db, ids: string[]) {
  const rows = await db.select({ id: shipments.id, status: shipments.status }).from(shipments).where(inArray(shipments.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  return ids.map((id) => byId.get(id));
}

/** Each shipment's lines summed by order line, for comparing with the order's own lines. */
export async function shippedQuantities(db: Db, orderId: string) {
  return db.execute<{ orderLineId: number; ordered: number; shipped: number; shipments: number }>(sql`
    select l.id as "orderLineId", l.quantity as ordered, coalesce(sum(sl.quantity), 0)::int as shipped, count(sl.shipment_id)::int as shipments
      from order_lines l left join shipment_lines sl on sl.order_line_id = l.id
     where l.order_id = ${orderId} group by l.id order by l.id`);
}
