import { sql } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema";
import { cartOwner } from "../cart/active-cart";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, invalid, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { outOfStock, reserveStock } from "../inventory/reserve-stock";
import { MAX_CHARGE_AMOUNT } from "../limits";
import { currencyExponent } from "../money";
import type { OrderStatus } from "./schemas";
import { NO_SHIPPING } from "./no-shipping";
import { quoteShipping } from "./quote-shipping";

export const RESERVATION_TTL_MS = 15 * 60_000;

export interface CreatedOrder {
  orderId: string;
  number: number;
  status: OrderStatus;
  totalAmount: number;
  currency: string;
  /** False when the cart already had its order (a repeated or concurrent submit). */
  created: boolean;
}

interface CartRow {
  id: string;
  status: "active" | "merged" | "ordered";
  userId: string | null;
  email: string | null;
  shippingAddress: ShippingAddress | null;
  shippingMethod: string | null;
}

interface LineRow {
  variantId: number;
  quantity: number;
  sku: string;
  productTitle: string;
  variantTitle: string;
  unitAmount: number;
  currency: string;
  sold: boolean;
  available: number;
  requiresShipping: boolean;
  weightGrams: number;
}

const orderColumns = sql`id as "orderId", number::int as number, status, total_amount as "totalAmount", currency::text as currency`;

/** The caller's cart (a signed-in shopper's own, or the guest cart ctx.guestCartId names), locked; else NotFound. */
async function lockOwnedCart(ctx: ServiceContext, cartId: string): Promise<CartRow> {
  const owner = cartOwner(ctx, ctx.guestCartId);
  const owns = "userId" in owner ? sql`c.user_id = ${owner.userId}` : sql`c.user_id is null and c.id = ${owner.guestCartId}`;
  const [cart] = await ctx.db.execute<CartRow & Record<string, unknown>>(sql`
    select c.id, c.status, c.user_id as "userId", coalesce(c.email, u.email) as email,
           c.shipping_address as "shippingAddress", c.shipping_method as "shippingMethod"
      from carts c left join users u on u.id = c.user_id
     where c.id = ${cartId} and ${owns}
       for update of c`);
  if (!cart) throw notFound("Cart");
  return cart;
}

async function orderOfCart(ctx: ServiceContext, cartId: string): Promise<CreatedOrder | undefined> {
  const [row] = await ctx.db.execute<Omit<CreatedOrder, "created">>(sql`select ${orderColumns} from orders where cart_id = ${cartId}`);
  return row && { ...row, created: false };
}

/** The cart's details; a method only when something in it is posted. */
function checkoutDetails(cart: CartRow, needsShipping: boolean) {
  const missing: Record<string, string> = {};
  if (!cart.email) missing.email = "Enter your email address";
  if (!cart.shippingAddress) missing.shippingAddress = "Enter a shipping address";
  if (needsShipping && !cart.shippingMethod) missing.shippingMethod = "Choose a shipping method";
  if (!cart.email || !cart.shippingAddress || missing.shippingMethod) throw invalid("Complete the checkout details first", missing);
  return { email: cart.email, shippingAddress: cart.shippingAddress, shippingMethod: cart.shippingMethod };
}

/** Shipping priced from a fresh quote for the goods that need it (never an amount the client saw); none when nothing does. */
async function priceShipping(
  ctx: ServiceContext,
  cartId: string,
  details: ReturnType<typeof checkoutDetails>,
  order: { lines: LineRow[]; subtotal: number; currency: string },
) {
  const posted = order.lines.filter((l) => l.requiresShipping);
  if (posted.length === 0) return { id: NO_SHIPPING, name: "no", amount: 0 };
  const methods = await quoteShipping(ctx, {
    to: details.shippingAddress,
    weightGrams: posted.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
    currency: order.currency,
    subtotal: order.subtotal,
    reference: `cart-${cartId}`,
  });
  const shipping = methods.find((m) => m.id === details.shippingMethod);
  if (!shipping) throw invalid("Choose a shipping method", { shippingMethod: "Choose one of the shipping methods offered for this address" });
  return shipping;
}

/**
 * The transactional core of placeOrder: in one transaction, the order priced from today's catalogue with its line
 * snapshots, its stock reserved, a "placed" event, shop/order.placed in the outbox and the cart closed. One order per cart: a repeated or concurrent
 * call returns the order the first one made. Short stock throws OutOfStock and writes nothing.
 */
export async function createOrderFromCart(ctx: ServiceContext, input: { cartId: string; reservationTtlMs?: number }): Promise<CreatedOrder> {
  return withTransaction(ctx, async (tx) => {
    const cart = await lockOwnedCart(tx, input.cartId);
    if (cart.status !== "active") {
      const existing = await orderOfCart(tx, cart.id);
      if (existing) return existing;
      throw notFound("Cart");
    }
    const lines = await tx.db.execute<LineRow & Record<string, unknown>>(sql`
      select cl.variant_id as "variantId", cl.quantity, v.sku, p.title as "productTitle", v.title as "variantTitle",
             v.price_amount as "unitAmount", v.currency::text as currency, p.status = 'active' as sold,
             p.requires_shipping as "requiresShipping", v.weight_grams as "weightGrams",
             coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = v.id), 0)::int as available
        from cart_lines cl join variants v on v.id = cl.variant_id join products p on p.id = v.product_id
       where cl.cart_id = ${cart.id}
       order by cl.variant_id`);
    if (lines.length === 0) throw invalid("Your cart is empty");
    const details = checkoutDetails(cart, lines.some((l) => l.requiresShipping));
    const gone = lines.filter((l) => !l.sold);
    if (gone.length > 0) throw conflict(`No longer sold: ${gone.map(labelOf).join(", ")}`);
    // Fail fast, before queueing for the stock locks: in a sell-out the losers need not wait for the winners.
    const short = lines.filter((l) => l.available < l.quantity);
    if (short.length > 0) {
      throw outOfStock(short.map((l) => ({ variantId: l.variantId, label: labelOf(l), requested: l.quantity, available: l.available })));
    }
    const currency = lines[0]!.currency;
    if (lines.some((l) => l.currency !== currency)) throw invalid("Your cart mixes currencies; check out one currency at a time");

    const subtotal = lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0);
    const shipping = await priceShipping(tx, cart.id, details, { lines, subtotal, currency });
    if (subtotal + shipping.amount > MAX_CHARGE_AMOUNT) {
      const most = new Intl.NumberFormat("en", { style: "currency", currency }).format(MAX_CHARGE_AMOUNT / 10 ** currencyExponent(currency));
      throw invalid(`This order comes to more than ${most}, the most one payment can take; split it into smaller orders`);
    }
    const expiresAt = new Date(Date.now() + (input.reservationTtlMs ?? RESERVATION_TTL_MS));
    const userId = ctx.actor.type === "shopper" || ctx.actor.type === "admin" ? ctx.actor.userId : null;
    const items = lines.reduce((n, l) => n + l.quantity, 0);

    const [order] = await tx.db.execute<Omit<CreatedOrder, "created">>(sql`
      insert into orders (cart_id, user_id, email, currency, subtotal_amount, shipping_amount, total_amount,
                          shipping_address, shipping_method, reservation_expires_at)
      values (${cart.id}, ${userId}, ${details.email}, ${currency}, ${subtotal}, ${shipping.amount}, ${subtotal + shipping.amount},
              ${JSON.stringify(details.shippingAddress)}::jsonb, ${shipping.id}, ${expiresAt.toISOString()}::timestamptz)
      on conflict (cart_id) do nothing
      returning ${orderColumns}`);
    if (!order) return (await orderOfCart(tx, cart.id))!;

    await tx.db.execute(sql`
      with snapshot as (
        insert into order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
        select ${order.orderId}, l.variant_id, l.sku, l.product_title, l.variant_title, l.unit_amount, l.quantity, l.unit_amount * l.quantity
          from jsonb_to_recordset(${JSON.stringify(lines.map(snakeCase))}::jsonb)
               as l(variant_id int, sku text, product_title text, variant_title text, unit_amount bigint, quantity int)
      ), placed as (
        insert into order_events (order_id, type, detail)
        values (${order.orderId}, 'placed', ${`${items} item${items === 1 ? "" : "s"}, ${shipping.name} shipping`})
      )
      update carts set status = 'ordered', updated_at = now() where id = ${cart.id}`);
    const labelled = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, label: labelOf(l) }));
    await reserveStock(tx, { orderId: order.orderId, lines: labelled, expiresAt });
    await writeEvent(tx, { name: "shop/order.placed", data: { orderId: order.orderId } }, { key: `order-placed-${order.orderId}` });
    return { ...order, created: true };
  });
}

const labelOf = (l: LineRow) => `${l.productTitle} / ${l.variantTitle}`;

const snakeCase = (l: LineRow) => ({
  variant_id: l.variantId,
  sku: l.sku,
  product_title: l.productTitle,
  variant_title: l.variantTitle,
  unit_amount: l.unitAmount,
  quantity: l.quantity,
});
