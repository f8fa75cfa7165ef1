import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartLines, carts, orders, users, type ShippingAddress } from "@/db/schema";
import { seedCatalogBasics } from "../catalog/admin-test-fixtures";
import { insertProduct } from "../catalog/test-fixtures";

export const address: ShippingAddress = { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "GB" };

/** A category and two warehouses to hang products on. */
export async function seedShop(db: Db) {
  const { categoryId, warehouseIds } = await seedCatalogBasics(db);
  return { categoryId, east: warehouseIds[0]!, west: warehouseIds[1]! };
}

/** One active product with one variant and the given stock per warehouse; returns the variant id. */
export async function insertVariant(
  db: Db,
  categoryId: number,
  options: {
    priceAmount?: number;
    currency?: string;
    weightGrams?: number;
    requiresShipping?: boolean;
    stock: { warehouseId: number; onHand: number }[];
    title?: string;
  },
): Promise<number> {
  const { priceAmount = 1000, currency, weightGrams, requiresShipping, stock, title } = options;
  const product = await insertProduct(db, { categoryId, title, requiresShipping, variants: [{ priceAmount, currency, weightGrams, stock }] });
  return product.variantIds[0]!;
}

export async function insertShopper(db: Db, email = `shopper-${crypto.randomUUID()}@emporium.test`): Promise<string> {
  const [row] = await db.insert(users).values({ email, name: "Shopper" }).returning({ id: users.id });
  return row!.id;
}

/** A cart with lines and, unless `details: false`, the checkout details placeOrder needs. */
export async function insertCart(
  db: Db,
  options: { userId?: string | null; lines: { variantId: number; quantity: number }[]; details?: boolean },
): Promise<string> {
  const withDetails = options.details ?? true;
  const [cart] = await db
    .insert(carts)
    .values({
      userId: options.userId ?? null,
      ...(withDetails ? { email: "buyer@emporium.test", shippingAddress: address, shippingMethod: "Ground" } : {}),
    })
    .returning({ id: carts.id });
  if (options.lines.length > 0) {
    await db.insert(cartLines).values(options.lines.map((l) => ({ cartId: cart!.id, ...l, seenUnitAmount: 0 })));
  }
  return cart!.id;
}

/** A bare pending order (for inventory tests that need an order id to reserve against). */
export async function insertPendingOrder(db: Db): Promise<string> {
  const cartId = await insertCart(db, { lines: [] });
  const [row] = await db
    .insert(orders)
    .values({
      cartId,
      email: "buyer@emporium.test",
      currency: "USD",
      subtotalAmount: 0,
      shippingAmount: 0,
      totalAmount: 0,
      shippingAddress: address,
      shippingMethod: "standard",
      reservationExpiresAt: new Date(Date.now() + 15 * 60_000),
    })
    .returning({ id: orders.id });
  return row!.id;
}

/** stock_levels of a variant by warehouse, plus the sum of its active reservations. */
export async function stockOf(db: Db, variantId: number) {
  const levels = await db.execute<{ warehouseId: number; onHand: number; reserved: number }>(sql`
    select warehouse_id as "warehouseId", on_hand as "onHand", reserved from stock_levels
     where variant_id = ${variantId} order by warehouse_id`);
  const [active] = await db.execute<{ total: number }>(sql`
    select coalesce(sum(quantity), 0)::int as total from stock_reservations where variant_id = ${variantId} and status = 'active'`);
  return { levels: [...levels], activeReserved: active!.total };
}

export async function cartStatus(db: Db, cartId: string) {
  const [row] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
  return row?.status;
}

/** `count` guest carts holding the same lines, inserted in two statements. */
export async function insertGuestCarts(db: Db, count: number, lines: { variantId: number; quantity: number }[]): Promise<string[]> {
  const rows = await db
    .insert(carts)
    .values(Array.from({ length: count }, () => ({ email: "buyer@emporium.test", shippingAddress: address, shippingMethod: "Ground" })))
    .returning({ id: carts.id });
  const ids = rows.map((r) => r.id);
  if (lines.length > 0) await db.insert(cartLines).values(ids.flatMap((cartId) => lines.map((l) => ({ cartId, ...l, seenUnitAmount: 0 }))));
  return ids;
}
