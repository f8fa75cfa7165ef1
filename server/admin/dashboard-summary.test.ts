import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { seedOrderHistory } from "@/db/seed-orders";
import { useTestDatabase } from "@/test/db";

const t = useTestDatabase({ max: 16 });
const WORKERS = 16;

// The running totals (db/schema/dashboard.ts) recomputed from the tables they summarise.
const EXPECTED_HOURS = sql`
  select bucket, currency, sum(orders)::int as orders, sum(revenue)::bigint as revenue, sum(refunds)::int as refunds, sum(refunded)::bigint as refunded from (
    select date_trunc('hour', placed_at) as bucket, currency, 1 as orders, total_amount as revenue, 0 as refunds, 0 as refunded
      from orders where paid_at is not null
    union all
    select date_trunc('hour', r.created_at), o.currency, 0, 0, 1, r.amount
      from refunds r join payments p on p.id = r.payment_id join orders o on o.id = p.order_id where r.status = 'succeeded'
  ) x group by 1, 2 order by 1, 2`;
// Each total is spread over slots (one per writing backend, modulo 8): summed here as the dashboard sums them.
const KEPT_HOURS = sql`
  select bucket, currency, sum(orders)::int as orders, sum(revenue)::bigint as revenue, sum(refunds)::int as refunds, sum(refunded)::bigint as refunded
    from sales_hours group by 1, 2
  having sum(orders) <> 0 or sum(revenue) <> 0 or sum(refunds) <> 0 or sum(refunded) <> 0 order by 1, 2`;
const EXPECTED_PRODUCTS = sql`
  select to_char(o.placed_at at time zone 'UTC', 'YYYY-MM-DD') as day, v.product_id, o.currency, sum(l.quantity)::int as units, sum(l.line_amount)::bigint as amount
    from orders o join order_lines l on l.order_id = o.id join variants v on v.id = l.variant_id
   where o.paid_at is not null group by 1, 2, 3 order by 1, 2, 3`;
const KEPT_PRODUCTS = sql`
  select to_char(day, 'YYYY-MM-DD') as day, product_id, currency, sum(units)::int as units, sum(amount)::bigint as amount
    from product_sales_days group by 1, 2, 3 having sum(units) <> 0 or sum(amount) <> 0 order by 1, 2, 3`;
const EXPECTED_FIRSTS = sql`select lower(email) as email, min(placed_at) as first_at from orders where paid_at is not null group by 1 order by 1`;
const KEPT_FIRSTS = sql`select email, first_at from customer_firsts order by 1`;
const EXPECTED_UNPARCELLED = sql`
  select id as order_id, placed_at, paid_at from orders o
   where status = 'paid' and shipping_method <> 'none' and not exists (select 1 from shipments s where s.order_id = o.id) order by 1`;
const KEPT_UNPARCELLED = sql`select order_id, placed_at, paid_at from dashboard_unparcelled_orders order by 1`;

async function expectTotalsToMatchTables() {
  expect(await t.db.execute(KEPT_HOURS)).toEqual(await t.db.execute(EXPECTED_HOURS));
  expect(await t.db.execute(KEPT_PRODUCTS)).toEqual(await t.db.execute(EXPECTED_PRODUCTS));
  expect(await t.db.execute(KEPT_FIRSTS)).toEqual(await t.db.execute(EXPECTED_FIRSTS));
  expect(await t.db.execute(KEPT_UNPARCELLED)).toEqual(await t.db.execute(EXPECTED_UNPARCELLED));
}

beforeAll(async () => {
  await seedDatabase(t.db, { products: 60, demoUsers: false });
  // Few customers and a short history, so concurrent writers share hours, products and customers.
  await seedOrderHistory(t.db, { orders: 2_000, days: 3 });
}, 120_000);

describe("the dashboard's running totals", () => {
  it("equal the seeded history, counted by the triggers as it was inserted", async () => {
    const [hours] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from sales_hours where orders > 0`);
    expect(hours!.n).toBeGreaterThan(24);
    // The seed makes every paid order's parcel: the few without one are the digital orders.
    const [unparcelled] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from dashboard_unparcelled_orders`);
    expect(unparcelled!.n).toBe(0);
    await expectTotalsToMatchTables();
  });

  it("stay equal to the tables after 16 workers pay, refund, re-date and erase orders at once", async () => {
    // Pending copies of paid orders (lines included), placed over the same days, some before their customer's first order.
    const pending = await t.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table copies on commit drop as
        select gen_random_uuid() as copy_id, gen_random_uuid() as copy_cart, o.* from orders o where status = 'paid' order by random() limit 300`);
      await tx.execute(sql`insert into carts (id, status) select copy_cart, 'ordered' from copies`);
      await tx.execute(sql`
        insert into orders (id, cart_id, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, reservation_expires_at, placed_at)
        select copy_id, copy_cart, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, now() + interval '1 hour',
               now() - random() * interval '4 days' from copies`);
      await tx.execute(sql`
        insert into order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
        select c.copy_id, l.variant_id, l.sku, l.product_title, l.variant_title, l.unit_amount, l.quantity, l.line_amount
          from copies c join order_lines l on l.order_id = c.id`);
      return tx.execute<{ id: string }>(sql`select copy_id as id from copies`);
    });
    await expectTotalsToMatchTables();

    const work: (() => Promise<unknown>)[] = [
      ...pending.map(({ id }) => () => t.db.execute(sql`update orders set status = 'paid', paid_at = now() where id = ${id} and status = 'pending'`)),
      ...Array.from({ length: 80 }, () => async () => {
        await t.db.transaction(async (tx) => {
          const [refund] = await tx.execute<{ id: string }>(sql`
            insert into refunds (payment_id, amount, status, created_at)
            select p.id, 1, 'pending', now() - random() * interval '2 days' from payments p join orders o on o.id = p.order_id
             where o.status = 'paid' order by random() limit 1 returning id`);
          await tx.execute(sql`update refunds set status = 'succeeded' where id = ${refund!.id}`);
        });
      }),
      ...Array.from({ length: 40 }, () => () =>
        t.db.execute(sql`update orders set status = 'refunded', refunded_amount = total_amount
          where id = (select id from orders where status = 'paid' order by random() limit 1)`),
      ),
      // An admin cancels a paid order before it ships: it still counts as paid (server/orders/cancel-paid-order.ts).
      ...Array.from({ length: 20 }, () => () =>
        t.db.execute(sql`update orders set status = 'cancelled', cancelled_at = now(), cancel_reason = 'changed their mind'
          where id = (select id from orders where status = 'paid' order by random() limit 1)`),
      ),
      ...Array.from({ length: 40 }, () => () =>
        t.db.execute(sql`update orders set placed_at = placed_at - random() * interval '3 hours'
          where id = (select id from orders where paid_at is not null order by random() limit 1)`),
      ),
      // Parcels made as createShipmentsForOrder makes them (under a SHARE lock on the paid order), twice at once for one
      // order, racing its payment, cancellation and refund; and parcels deleted, the order waiting again.
      ...Array.from({ length: 60 }, () => async () => {
        const [order] = await t.db.execute<{ id: string }>(sql`select id from orders where paid_at is not null order by random() limit 1`);
        const makeParcel = () =>
          t.db.transaction(async (tx) => {
            const [locked] = await tx.execute<{ status: string }>(sql`select status from orders where id = ${order!.id} for share`);
            if (locked!.status !== "paid") return;
            await tx.execute(sql`
              insert into shipments (order_id, warehouse_id, weight_grams) select ${order!.id}, id, 500 from warehouses order by id limit 1
              on conflict (order_id, warehouse_id) where parent_id is null do nothing`);
          });
        await Promise.all([makeParcel(), makeParcel()]);
      }),
      // A hand deletion racing the same order's parcel being made can be chosen as a deadlock's victim (migration
      // dashboard_unparcelled_orders): it is tried again, as whoever deletes would.
      ...Array.from({ length: 60 }, () => async () => {
        const [parcel] = await t.db.execute<{ order_id: string }>(sql`select order_id from shipments order by random() limit 1`);
        for (let attempt = 1; ; attempt++) {
          try {
            return await t.db.execute(sql`delete from shipments where order_id = ${parcel!.order_id}`);
          } catch (error) {
            if (attempt === 3 || (error as { cause?: { code?: string } }).cause?.code !== "40P01") throw error;
          }
        }
      }),
      // Erasure renames every order of a customer (server/users/delete-account.ts): their first order moves to the new name.
      ...Array.from({ length: 20 }, (_, i) => () =>
        t.db.execute(sql`update orders set email = ${`erased-${i}@erased.invalid`}
          where lower(email) = (select lower(email) from orders where email like 'customer-%' order by random() limit 1)`),
      ),
    ].sort(() => Math.random() - 0.5);

    let next = 0;
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < work.length) await work[next++]!().catch((error: unknown) => failures.push(error));
      }),
    );
    expect(failures).toEqual([]);
    await expectTotalsToMatchTables();
    // The 16 workers' payments of the same hours were added to different rows of them, not queued on one.
    const [spread] = await t.db.execute<{ slots: number }>(sql`select count(distinct slot)::int as slots from sales_hours`);
    expect(spread!.slots).toBeGreaterThan(1);
  }, 120_000);

  it("are emptied with the orders they count", async () => {
    await t.db.execute(sql`truncate orders cascade`);
    for (const table of ["sales_hours", "product_sales_days", "customer_firsts", "dashboard_unparcelled_orders"]) {
      const [row] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
      expect(row!.n, table).toBe(0);
    }
  });
});
