import type { PostgresError, Sql } from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { notificationStatus, orderStatus, paymentStatus, refundStatus, reservationStatus, returnStatus, shipmentStatus } from "./schema";

const t = useTestDatabase();
const client = (): Sql => t.db.$client;

const lifecycles = {
  orders: orderStatus.enumValues,
  payments: paymentStatus.enumValues,
  stock_reservations: reservationStatus.enumValues,
  refunds: refundStatus.enumValues,
  notifications: notificationStatus.enumValues,
  shipments: shipmentStatus.enumValues,
  returns: returnStatus.enumValues,
} as const;
type Entity = keyof typeof lifecycles;

let variantId: number;
let warehouseId: number;
let allowed: Set<string>;
const key = (entity: string, from: string, to: string) => `${entity}: ${from} -> ${to}`;

beforeAll(async () => {
  const sql = client();
  const [category] = await sql`insert into categories (slug, name) values ('lifecycle', 'Lifecycle') returning id`;
  const [product] = await sql`insert into products (slug, title, brand, category_id) values ('lamp', 'Lamp', 'Lumen', ${category!.id}) returning id`;
  const [variant] = await sql`
    insert into variants (product_id, sku, title, price_amount, currency) values (${product!.id}, 'LAMP-1', 'Lamp', 1000, 'USD') returning id`;
  const [warehouse] = await sql`insert into warehouses (code, name) values ('main', 'Main') returning id`;
  variantId = variant!.id;
  warehouseId = warehouse!.id;
  const rows = await sql<{ entity: string; from_status: string; to_status: string }[]>`
    select entity, from_status, to_status from status_transitions where entity in ${sql(Object.keys(lifecycles))}`;
  allowed = new Set(rows.map((r) => key(r.entity, r.from_status, r.to_status)));
});

/** An order of 10.00 USD in `status`, with both timestamps set so only the transition trigger can refuse a move. */
async function insertOrder(status: string, options: { paidAt?: boolean; cancelledAt?: boolean } = {}): Promise<string> {
  const sql = client();
  const [cart] = await sql`insert into carts (status) values ('ordered') returning id`;
  const [order] = await sql`
    insert into orders (cart_id, email, status, currency, subtotal_amount, shipping_amount, total_amount,
                        shipping_address, shipping_method, reservation_expires_at, paid_at, cancelled_at)
    values (${cart!.id}, 'buyer@shop.test', ${status}, 'USD', 1000, 0, 1000, '{"name": "Ada"}', 'standard', now() + interval '15 minutes',
            case when ${options.paidAt ?? true} then now() end, case when ${options.cancelledAt ?? true} then now() end)
    returning id`;
  return order!.id as string;
}

async function insertPayment(status: string, orderId?: string): Promise<string> {
  const order = orderId ?? (await insertOrder("pending"));
  const [payment] = await client()`
    insert into payments (order_id, provider, provider_payment_id, amount, currency, status)
    values (${order}, 'simulator', ${`pi_${order}`}, 1000, 'USD', ${status}) returning id`;
  return payment!.id as string;
}

/** One row of `entity` in `from`, with whatever it hangs on. */
async function insertRow(entity: Entity, from: string): Promise<string> {
  const sql = client();
  if (entity === "orders") return insertOrder(from);
  if (entity === "payments") return insertPayment(from);
  if (entity === "stock_reservations") {
    const [row] = await sql`
      insert into stock_reservations (order_id, variant_id, warehouse_id, quantity, status, expires_at)
      values (${await insertOrder("pending")}, ${variantId}, ${warehouseId}, 1, ${from}, now() + interval '15 minutes') returning id`;
    return String(row!.id);
  }
  if (entity === "notifications") {
    const [row] = await sql`
      insert into notifications (kind, subject_id, recipient, status, skip_reason)
      values ('order-confirmation', gen_random_uuid()::text, 'reader@shop.test', ${from}, ${from === "skipped" ? "suppressed" : null}) returning id`;
    return row!.id as string;
  }
  if (entity === "shipments") {
    // Its label fields filled from the start, so only the transition trigger can refuse a move.
    const [row] = await sql`
      insert into shipments (order_id, warehouse_id, status, weight_grams, carrier, tracking_code, tracking_url, label_key, label_purchased_at)
      values (${await insertOrder("paid")}, ${warehouseId}, ${from}, 500, 'SimPost', gen_random_uuid()::text, 'https://track.example/x', 'shipments/x/label.pdf', now())
      returning id`;
    return row!.id as string;
  }
  if (entity === "returns") {
    const [row] = await sql`
      insert into returns (id, order_id, status, reason, refund_amount, currency)
      values (gen_random_uuid(), ${await insertOrder("paid")}, ${from}, 'too small', 1000, 'USD') returning id`;
    return row!.id as string;
  }
  const [row] = await sql`
    insert into refunds (payment_id, amount, status) values (${await insertPayment("succeeded")}, 500, ${from}) returning id`;
  return row!.id as string;
}

const ROLLBACK = new Error("rollback");

/**
 * Tries `update <entity> set status = to` and undoes it; answers the database's error, or null when it was accepted.
 * A notification skipped carries its reason (a CHECK of its own), so that move sets one.
 */
async function move(entity: Entity, id: string, to: string): Promise<PostgresError | null> {
  try {
    await client().begin(async (tx) => {
      if (entity === "notifications" && to === "skipped") await tx`update notifications set status = 'skipped', skip_reason = 'preference' where id = ${id}`;
      else await tx`update ${tx(entity)} set status = ${to} where id = ${id}`;
      throw ROLLBACK;
    });
    return null;
  } catch (error) {
    if (error === ROLLBACK) return null;
    return error as PostgresError;
  }
}

const pairs = (Object.keys(lifecycles) as Entity[]).flatMap((entity) =>
  lifecycles[entity].flatMap((from) => lifecycles[entity].filter((to) => to !== from).map((to) => ({ entity, from, to }))),
);

describe("status transitions held by the database", () => {
  it("names the moves the issue forbids as illegal", () => {
    expect(allowed.has(key("orders", "paid", "pending"))).toBe(false);
    expect(allowed.has(key("stock_reservations", "committed", "active"))).toBe(false);
    expect(pairs.filter((p) => allowed.has(key(p.entity, p.from, p.to)))).toHaveLength(allowed.size);
  });

  it("refuses every move not in status_transitions and accepts every move in it", async () => {
    const rows = new Map<string, string>();
    for (const entity of Object.keys(lifecycles) as Entity[]) {
      for (const from of lifecycles[entity]) rows.set(`${entity}:${from}`, await insertRow(entity, from));
    }
    const refused: string[] = [];
    const accepted: string[] = [];
    for (const { entity, from, to } of pairs) {
      const error = await move(entity, rows.get(`${entity}:${from}`)!, to);
      if (allowed.has(key(entity, from, to))) {
        expect(error, key(entity, from, to)).toBeNull();
        accepted.push(key(entity, from, to));
      } else {
        expect(error, key(entity, from, to)).toMatchObject({ code: "23514", table_name: entity, constraint_name: `${entity}_status_transition` });
        expect(error!.message).toBe(`illegal ${entity} status transition: ${from} -> ${to}`);
        refused.push(key(entity, from, to));
      }
    }
    expect(accepted).toHaveLength(allowed.size);
    expect(refused).toHaveLength(pairs.length - allowed.size);
  });

  it("guards every table that has transitions with the trigger", async () => {
    const unguarded = await client()`
      select distinct t.entity from status_transitions t
       where not exists (select 1 from pg_trigger g where g.tgname = t.entity || '_status_transition' and g.tgrelid = t.entity::regclass)`;
    expect(unguarded).toEqual([]);
  });

  it("keeps a row's status when it is written again unchanged", async () => {
    const order = await insertOrder("paid");
    expect(await move("orders", order, "paid")).toBeNull();
  });
});

describe("order timestamps and payment amounts held by the database", () => {
  it("refuses a paid order without paid_at and a cancelled one without cancelled_at", async () => {
    const unpaid = await insertOrder("pending", { paidAt: false });
    expect(await move("orders", unpaid, "paid")).toMatchObject({ code: "23514", constraint_name: "orders_paid_at_set" });
    const uncancelled = await insertOrder("pending", { cancelledAt: false });
    expect(await move("orders", uncancelled, "cancelled")).toMatchObject({ code: "23514", constraint_name: "orders_cancelled_at_set" });
    await expect(insertOrder("refunded", { paidAt: false })).rejects.toMatchObject({ code: "23514", constraint_name: "orders_paid_at_set" });
  });

  it("refuses a payment whose amount or currency is not its order's", async () => {
    const sql = client();
    const orderId = await insertOrder("pending");
    const insert = (amount: number, currency: string) => sql`
      insert into payments (order_id, provider, provider_payment_id, amount, currency)
      values (${orderId}, 'simulator', ${`pi_${amount}_${currency}`}, ${amount}, ${currency})`;
    const mismatch = { code: "23503", constraint_name: "payments_order_amount_fk" };
    await expect(insert(1001, "USD")).rejects.toMatchObject(mismatch);
    await expect(insert(1000, "EUR")).rejects.toMatchObject(mismatch);

    const paymentId = await insertPayment("awaiting", orderId);
    await expect(sql`update payments set amount = 999 where id = ${paymentId}`).rejects.toMatchObject(mismatch);
    await expect(sql`update orders set subtotal_amount = 2000, total_amount = 2000 where id = ${orderId}`).rejects.toMatchObject({
      code: "23503",
      constraint_name: "payments_order_amount_fk",
    });
  });
});
