import { sql } from "drizzle-orm";
import type { Db } from "./client";

/** EUR prices of the seeded history: the USD catalogue price times this, rounded to the cent. */
const EUR_PER_USD = 0.92;

/** A number written into the statement: CREATE TABLE AS takes no bind parameters. */
const literal = (value: number) => sql.raw(String(Number(value)));

/**
 * Adds `orders` orders spread over the last `days` days (more of them recent), placed by about orders / 4 customers
 * (guests, by email), in USD and EUR (about one in four): paid, cancelled unpaid (8%), refunded in full (4%) or in part
 * (5%), a few failed refunds and a few still awaiting payment; paid orders older than 3 days delivered, the rest
 * waiting for their label. Set-based SQL in one transaction, whatever the count. The history does not move stock.
 */
export async function seedOrderHistory(db: Db, options: { orders: number; days?: number }): Promise<{ orders: number }> {
  const days = options.days ?? 120;
  const customers = Math.max(1, Math.round(options.orders / 4));
  await db.transaction(async (tx) => {
    const [found] = await tx.execute<{ variants: number; warehouse: number | null }>(sql`
      select (select count(*)::int from variants) as variants, (select min(id) from warehouses) as warehouse`);
    if (!found?.variants || found.warehouse === null) throw new Error("seed the catalogue first: the order history needs variants and a warehouse");

    await tx.execute(sql`
      create temp table seed_goods on commit drop as
      select row_number() over (order by v.id)::int - 1 as k, v.id, v.sku, p.title as product_title, v.title as variant_title, v.price_amount
        from variants v join products p on p.id = v.product_id
       where p.status = 'active' and v.price_amount between 100 and 50000
       order by v.id limit 400`);
    await tx.execute(sql`
      create temp table seed_plan on commit drop as
      select gen_random_uuid() as order_id, gen_random_uuid() as cart_id,
             now() - (random() ^ 1.5) * ${literal(days)} * interval '1 day' as placed_at,
             case when random() < 0.25 then 'EUR' else 'USD' end as currency,
             'customer-' || (1 + floor(random() * ${literal(customers)}))::int || '@example.test' as email,
             random() as fate, random() as extra
        from generate_series(1, ${literal(options.orders)})`);
    // An order placed in the last 15 minutes may still await payment; an older unpaid one was cancelled. About one in a
    // hundred was cancelled by the shop after payment, before it shipped, and refunded in full.
    await tx.execute(sql`alter table seed_plan add column status order_status`);
    await tx.execute(sql`
      update seed_plan set status = case
        when fate < 0.08 then case when placed_at > now() - interval '15 minutes' then 'pending' else 'cancelled' end
        when fate < 0.12 then 'refunded' when fate < 0.13 then 'cancelled' else 'paid' end::order_status`);
    await tx.execute(sql`
      create temp table seed_lines on commit drop as
      select p.order_id, g.id as variant_id, g.sku, g.product_title, g.variant_title, q.quantity,
             case when p.currency = 'EUR' then round(g.price_amount * ${literal(EUR_PER_USD)})::bigint else g.price_amount end as unit_amount
        from seed_plan p
        cross join lateral generate_series(1, 1 + floor(p.extra * 3)::int) as n
        cross join lateral (select 1 + floor(random() * 3)::int as quantity, floor(random() * (select count(*) from seed_goods))::int as k
                             where n > 0) as q
        join seed_goods g on g.k = q.k`);
    await tx.execute(sql`
      create temp table seed_orders on commit drop as
      select p.*, p.status = 'cancelled' and p.fate >= 0.08 as paid_then_cancelled, s.subtotal, case when s.subtotal >= 10000 then 0 when p.currency = 'EUR' then 459 else 499 end as shipping
        from seed_plan p join (select order_id, sum(unit_amount * quantity)::bigint as subtotal from seed_lines group by order_id) s using (order_id)`);

    await tx.execute(sql`insert into carts (id, status, created_at, updated_at) select cart_id, 'ordered', placed_at, placed_at from seed_orders`);
    await tx.execute(sql`
      insert into orders (id, cart_id, email, status, currency, subtotal_amount, shipping_amount, total_amount, refunded_amount,
                          shipping_address, shipping_method, reservation_expires_at, cancel_reason, placed_at, paid_at, cancelled_at, updated_at)
      select order_id, cart_id, email, status, currency, subtotal, shipping, subtotal + shipping,
             case when status = 'refunded' or paid_then_cancelled then subtotal + shipping when status = 'paid' and fate > 0.95 then (subtotal + shipping) / 3 else 0 end,
             jsonb_build_object('name', 'Seeded Customer', 'line1', '1 Market Street', 'city', 'Springfield', 'postalCode', '12345',
                                'country', case when currency = 'EUR' then 'DE' else 'US' end),
             'Ground', placed_at + interval '15 minutes',
             case when paid_then_cancelled then 'out of stock at the warehouse' when status = 'cancelled' then 'payment not completed in time' end,
             placed_at, case when status in ('paid', 'refunded') or paid_then_cancelled then placed_at + interval '1 minute' end,
             case when paid_then_cancelled then least(now(), placed_at + interval '2 hours') when status = 'cancelled' then placed_at + interval '15 minutes' end,
             placed_at
        from seed_orders order by placed_at`);
    await tx.execute(sql`
      insert into order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
      select order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, unit_amount * quantity from seed_lines`);
    await tx.execute(sql`
      insert into order_events (order_id, type, created_at)
      select id, 'placed', placed_at from orders union all
      select id, 'paid', paid_at from orders where paid_at is not null union all
      select id, 'cancelled', cancelled_at from orders where cancelled_at is not null`);
    await tx.execute(sql`
      insert into payments (order_id, provider, provider_payment_id, amount, currency, status, created_at, updated_at)
      select id, 'simulator', 'pi_seed_' || id, total_amount, currency,
             case when status = 'pending' then 'awaiting' when status = 'refunded' or refunded_amount = total_amount then 'refunded' when status = 'cancelled' then 'cancelled'
                  when refunded_amount > 0 then 'partially_refunded' else 'succeeded' end::payment_status,
             placed_at, coalesce(paid_at, cancelled_at, placed_at)
        from orders`);
    // Refunds some days after payment (never in the future), and a failed attempt on about one paid order in 500.
    await tx.execute(sql`
      insert into refunds (payment_id, provider_refund_id, amount, status, reason, failure_reason, created_at, updated_at)
      select p.id, 're_seed_' || p.id, r.amount, r.status::refund_status, 'requested_by_customer', r.failure, r.at, r.at
        from orders o join payments p on p.order_id = o.id
        cross join lateral (select least(now(), o.paid_at + random() * interval '10 days') as at) t
        cross join lateral (
          select o.refunded_amount as amount, 'succeeded' as status, null as failure, t.at where o.refunded_amount > 0
          union all
          select greatest(1, o.total_amount / 2), 'failed', 'card expired', t.at where o.status = 'paid' and o.refunded_amount = 0 and random() < 0.002
        ) r`);
    await tx.execute(sql`
      insert into shipments (order_id, warehouse_id, status, weight_grams, carrier, service, tracking_code, tracking_url, label_key,
                             label_purchased_at, created_at, updated_at)
      select o.id, ${found.warehouse}::int, d.status::shipment_status, 500, d.carrier, d.service, d.tracking, d.url, d.label, d.bought, o.paid_at, o.paid_at
        from orders o
        cross join lateral (
          select o.paid_at < now() - interval '3 days' as sent, o.paid_at + interval '1 hour' as at
        ) s
        cross join lateral (
          select case when s.sent then 'delivered' else 'pending' end as status,
                 case when s.sent then 'SimPost' end as carrier, case when s.sent then 'Ground' end as service,
                 case when s.sent then 'SEED' || o.number end as tracking, case when s.sent then 'https://track.example/SEED' || o.number end as url,
                 case when s.sent then 'labels/seed-' || o.number || '.pdf' end as label, case when s.sent then s.at end as bought
        ) d
       where o.status = 'paid'`);
  });
  await db.execute(sql`analyze carts, orders, order_lines, order_events, payments, refunds, shipments`);
  return { orders: options.orders };
}
