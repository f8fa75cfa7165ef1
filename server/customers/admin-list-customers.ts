import { sql } from "drizzle-orm";
import { requireAdmin, type ServiceContext } from "../context";
import type { AdminListCustomersInput, MoneyInCurrency } from "./schemas";

export type CustomerRow = {
  id: string;
  name: string | null;
  email: string;
  createdAt: Date;
  orderCount: number;
  lifetimeValue: MoneyInCurrency[];
};

/** Spent per currency (never summed across currencies), largest first: paid orders less their refunds. */
export const lifetimeValueSql = sql<MoneyInCurrency[]>`coalesce((
  select jsonb_agg(jsonb_build_object('currency', spent.currency, 'amount', spent.amount) order by spent.amount desc)
    from (select o.currency, sum(o.total_amount - o.refunded_amount)::bigint as amount
            from orders o where o.user_id = u.id and o.paid_at is not null group by o.currency) spent
), '[]'::jsonb)`;

/** Shoppers' accounts, newest first, matching part of a name or an email, with their order count and lifetime value. */
export async function adminListCustomers(ctx: ServiceContext, input: Required<Pick<AdminListCustomersInput, "page" | "pageSize">> & { q?: string }): Promise<{ items: CustomerRow[]; total: number }> {
  requireAdmin(ctx);
  const pattern = input.q ? `%${input.q.replace(/[\\%_]/g, "\\$&")}%` : null;
  const where = sql`u.role = 'shopper' and (${pattern}::text is null or u.email ilike ${pattern} or u.name ilike ${pattern})`;
  const [items, [counted]] = await Promise.all([
    ctx.db.execute<Omit<CustomerRow, "createdAt"> & { createdAt: string }>(sql`
      select u.id, u.name, u.email, u.created_at as "createdAt",
             (select count(*)::int from orders o where o.user_id = u.id) as "orderCount",
             ${lifetimeValueSql} as "lifetimeValue"
        from users u
       where ${where}
       order by u.created_at desc, u.id
       limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`),
    ctx.db.execute<{ total: number }>(sql`select count(*)::int as total from users u where ${where}`),
  ]);
  return { items: items.map((row) => ({ ...row, createdAt: new Date(row.createdAt) })), total: counted?.total ?? 0 };
}
