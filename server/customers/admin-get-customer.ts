import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { emailSuppressions, orders } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { listCustomerMessages } from "../notifications/list-customer-messages";
import { orderColumns } from "../orders/order-queries";
import { addressesOf } from "../users/address-book";
import { isErased } from "../users/delete-account";
import { lifetimeValueSql } from "./admin-list-customers";
import { listCustomerNotes } from "./customer-notes";
import type { CustomerIdInput, MoneyInCurrency } from "./schemas";

const RECENT_ORDERS = 50;

type Profile = { id: string; name: string | null; email: string; phone: string | null; emailVerified: string | null; createdAt: string; lifetimeValue: MoneyInCurrency[] };

/** One shopper for the admin: profile, address book, what they have spent, their latest orders and messages, and whether their address is suppressed. */
export async function adminGetCustomer(ctx: ServiceContext, input: CustomerIdInput) {
  requireAdmin(ctx);
  const [profile] = await ctx.db.execute<Profile>(sql`
    select u.id, u.name, u.email, u.phone, u.email_verified as "emailVerified", u.created_at as "createdAt", ${lifetimeValueSql} as "lifetimeValue"
      from users u where u.id = ${input.userId} and u.role = 'shopper'`);
  if (!profile) throw notFound("Customer");
  const email = profile.email.toLowerCase();
  const [recentOrders, messages, [suppression], notes, addresses] = await Promise.all([
    ctx.db.select(orderColumns).from(orders).where(eq(orders.userId, profile.id)).orderBy(desc(orders.placedAt), desc(orders.number)).limit(RECENT_ORDERS),
    listCustomerMessages(ctx, { userId: profile.id, email }),
    ctx.db
      .select({ address: emailSuppressions.address, reason: emailSuppressions.reason, detail: emailSuppressions.detail, createdAt: emailSuppressions.createdAt })
      .from(emailSuppressions)
      .where(and(eq(emailSuppressions.address, email), isNull(emailSuppressions.liftedAt))),
    listCustomerNotes(ctx, input),
    addressesOf(ctx, profile.id),
  ]);
  return {
    ...profile,
    emailVerified: profile.emailVerified ? new Date(profile.emailVerified) : null,
    createdAt: new Date(profile.createdAt),
    orders: recentOrders,
    messages,
    suppression: suppression ?? null,
    notes,
    addresses,
    erased: isErased(profile.email),
  };
}
