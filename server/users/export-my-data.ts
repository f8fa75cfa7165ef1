import { asc, eq, inArray } from "drizzle-orm";
import { notificationPreferences, notifications, orderLines, orders, users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { signedInUser } from "../notifications/get-preferences";
import { listAddresses } from "./address-book";
import { getProfile } from "./profile";

/**
 * Everything we hold about the signed-in shopper, as one JSON document: profile, address book, orders with their
 * lines, the messages we sent them (email, SMS, push) and their notification choices (consents).
 */
export async function exportMyData(ctx: ServiceContext) {
  const userId = signedInUser(ctx);
  const [account] = await ctx.db.select({ createdAt: users.createdAt, email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId));
  if (!account) throw notFound("Account");
  const [profile, addresses, orderRows, consents] = await Promise.all([
    getProfile(ctx),
    listAddresses(ctx),
    ctx.db
      .select({
        id: orders.id,
        number: orders.number,
        status: orders.status,
        placedAt: orders.placedAt,
        currency: orders.currency,
        totalAmount: orders.totalAmount,
        email: orders.email,
        shippingAddress: orders.shippingAddress,
      })
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(asc(orders.placedAt)),
    ctx.db
      .select({ category: notificationPreferences.category, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled, updatedAt: notificationPreferences.updatedAt })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
  ]);
  const lines = orderRows.length
    ? await ctx.db
        .select({ orderId: orderLines.orderId, product: orderLines.productTitle, variant: orderLines.variantTitle, quantity: orderLines.quantity, lineAmount: orderLines.lineAmount })
        .from(orderLines)
        .where(inArray(orderLines.orderId, orderRows.map((o) => o.id)))
    : [];
  const recipients = [account.email.toLowerCase(), userId, ...(account.phone ? [account.phone] : [])];
  const messages = await ctx.db
    .select({ kind: notifications.kind, subject: notifications.subject, channel: notifications.channel, recipient: notifications.recipient, status: notifications.status, createdAt: notifications.createdAt })
    .from(notifications)
    .where(inArray(notifications.recipient, recipients))
    .orderBy(asc(notifications.createdAt));
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, createdAt: account.createdAt },
    addresses,
    orders: orderRows.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id).map(({ product, variant, quantity, lineAmount }) => ({ product, variant, quantity, lineAmount })) })),
    messages,
    consents,
  };
}
export type MyData = Awaited<ReturnType<typeof exportMyData>>;
