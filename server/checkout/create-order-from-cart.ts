import { isDeepStrictEqual } from "node:util";
import { sql } from "drizzle-orm";
import type { ShippingAddress } from "@/db/schema";
import { cartOwner } from "../cart/active-cart";
import { withTransaction, type ServiceContext } from "../context";
import { conflict, DomainError, invalid, notFound } from "../errors";
import { writeEvent } from "../events/write-event";
import { outOfStock, reserveStock } from "../inventory/reserve-stock";
import { MAX_CHARGE_AMOUNT } from "../limits";
import { currencyExponent } from "../money";
import type { OrderStatus } from "./schemas";
import { NO_SHIPPING } from "./no-shipping";
import { quoteShipping, type ShippingMethod, type ShippingQuoteInput } from "./quote-shipping";

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

/** The caller's cart (a signed-in shopper's own, or the guest cart ctx.guestCartId names), locked when asked; else NotFound. */
async function readOwnedCart(ctx: ServiceContext, cartId: string, options: { lock: boolean }): Promise<CartRow> {
  const owner = cartOwner(ctx, ctx.guestCartId);
  const owns = "userId" in owner ? sql`c.user_id = ${owner.userId}` : sql`c.user_id is null and c.id = ${owner.guestCartId}`;
  const [cart] = await ctx.db.execute<CartRow & Record<string, unknown>>(sql`
    select c.id, c.status, c.user_id as "userId", coalesce(c.email, u.email) as email,
           c.shipping_address as "shippingAddress", c.shipping_method as "shippingMethod"
      from carts c left join users u on u.id = c.user_id
     where c.id = ${cartId} and ${owns}
       ${options.lock ? sql`for update of c` : sql``}`);
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

function selectCartLines(ctx: ServiceContext, cartId: string) {
  return ctx.db.execute<LineRow & Record<string, unknown>>(sql`
    select cl.variant_id as "variantId", cl.quantity, v.sku, p.title as "productTitle", v.title as "variantTitle",
           v.price_amount as "unitAmount", v.currency::text as currency, p.status = 'active' as sold,
           p.requires_shipping as "requiresShipping", v.weight_grams as "weightGrams",
           coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = v.id), 0)::int as available
      from cart_lines cl join variants v on v.id = cl.variant_id join products p on p.id = v.product_id
     where cl.cart_id = ${cartId}
     order by cl.variant_id`);
}

/** The cart checked for placing: its details, currency and subtotal, or the reason it cannot be placed. */
function checkCart(cart: CartRow, lines: LineRow[]) {
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
  return { details, currency, subtotal: lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0) };
}

/** What the carrier is asked to price: the goods that are posted, to the cart's address; null when nothing is posted. */
function parcelOf(cart: CartRow, lines: LineRow[], checked: ReturnType<typeof checkCart>): ShippingQuoteInput | null {
  const posted = lines.filter((l) => l.requiresShipping);
  if (posted.length === 0) return null;
  return {
    to: checked.details.shippingAddress,
    weightGrams: posted.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0),
    currency: checked.currency,
    subtotal: checked.subtotal,
    reference: `cart-${cart.id}`,
  };
}

interface Quoted {
  parcel: ShippingQuoteInput;
  methods: ShippingMethod[];
}

/**
 * The carrier's quote for the cart as it stands, asked before any lock is taken (a carrier call can take seconds); null
 * when the cart cannot be placed as it is, which the locked read then reports.
 */
async function quoteBeforeLocking(ctx: ServiceContext, cartId: string): Promise<Quoted | null> {
  const cart = await readOwnedCart(ctx, cartId, { lock: false });
  if (cart.status !== "active") return null;
  const lines = await selectCartLines(ctx, cart.id);
  let parcel: ShippingQuoteInput | null;
  try {
    parcel = parcelOf(cart, lines, checkCart(cart, lines));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  return parcel && { parcel, methods: await quoteShipping(ctx, parcel) };
}

/**
 * The transactional core of placeOrder: in one transaction, the order priced from today's catalogue with its line
 * snapshots, its stock reserved, a "placed" event, shop/order.placed in the outbox and the cart closed. One order per cart: a repeated or concurrent
 * call returns the order the first one made. Short stock throws OutOfStock and writes nothing. Shipping is priced from
 * the carrier's quote taken just before the transaction; a cart whose parcel, address or currency changed in between
 * is refused with Conflict rather than quoted again under the locks.
 */
export async function createOrderFromCart(ctx: ServiceContext, input: { cartId: string; reservationTtlMs?: number }): Promise<CreatedOrder> {
  // Inside a caller's transaction there is no lock-free moment: the carrier is asked under its locks.
  const quoted = ctx.inTransaction ? null : await quoteBeforeLocking(ctx, input.cartId);
  return withTransaction(ctx, async (tx) => {
    const cart = await readOwnedCart(tx, input.cartId, { lock: true });
    if (cart.status !== "active") {
      const existing = await orderOfCart(tx, cart.id);
      if (existing) return existing;
      throw notFound("Cart");
    }
    const lines = await selectCartLines(tx, cart.id);
    const checked = checkCart(cart, lines);
    const { details, currency, subtotal } = checked;
    const parcel = parcelOf(cart, lines, checked);
    let shipping: Pick<ShippingMethod, "id" | "name" | "amount"> = { id: NO_SHIPPING, name: "no", amount: 0 };
    if (parcel) {
      // The price is the carrier's, for exactly what is being ordered: a cart changed since the quote is not placed.
      const fresh = quoted && isDeepStrictEqual(quoted.parcel, parcel) ? quoted.methods : ctx.inTransaction ? await quoteShipping(tx, parcel) : null;
      if (!fresh) throw conflict("Your cart changed while the order was being placed: check it and place the order again");
      const chosen = fresh.find((m) => m.id === details.shippingMethod);
      if (!chosen) throw invalid("Choose a shipping method", { shippingMethod: "Choose one of the shipping methods offered for this address" });
      shipping = chosen;
    }
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
