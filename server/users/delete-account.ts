import { and, eq, inArray, or, sql } from "drizzle-orm";
import {
  accounts,
  carts,
  customerNotes,
  emailSuppressions,
  mailboxMessages,
  notificationPreferences,
  notifications,
  orders,
  pushSubscriptions,
  rateLimits,
  stockAlerts,
  userAddresses,
  userTokens,
  users,
} from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { invalid, notFound } from "../errors";
import { signedInUser } from "../notifications/get-preferences";
import { verifyPassword } from "./password";
import type { DeleteAccountInput } from "./schemas";

/** Limits keyed by an email address (server/abuse/limits.ts): their counters name it. */
const LIMITS_BY_EMAIL = ["signInAccount", "signInLockouts", "passwordResetEmail"];

/** The address an erased account keeps: unique, undeliverable, naming no one. */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
export const isErased = (email: string) => email.endsWith("@erased.invalid");

/**
 * Erases the signed-in shopper on request (see eraseAccount). The current password is required when the account has one.
 */
export async function deleteAccount(ctx: ServiceContext, input: DeleteAccountInput): Promise<void> {
  const userId = signedInUser(ctx);
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("Account");
    if (user.passwordHash && !(await verifyPassword(input.password ?? "", user.passwordHash))) {
      throw invalid("The password is not right", { password: "The password is not right" });
    }
    await eraseAccount(tx, { userId });
  });
}

/**
 * Erases a person's data, at their request or an admin's on their behalf: the account stays as an empty shell (orders
 * keep their totals and their user, for the accounts), but no table keeps their email, name, phone or any address.
 * Orders and carts get a placeholder address (country kept, for tax records); messages, logins, addresses, links,
 * preferences, alerts, push subscriptions and the admins' notes go; every session ends. The caller authorises.
 */
export async function eraseAccount(ctx: ServiceContext, input: { userId: string }): Promise<void> {
  const { userId } = input;
  await withTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ email: users.email, phone: users.phone }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw notFound("Account");
    const email = user.email.toLowerCase();
    const erased = erasedEmail(userId);
    const placeholder = sql`jsonb_build_object('name', 'Erased', 'line1', 'Erased', 'city', 'Erased', 'postalCode', 'Erased', 'country', shipping_address->>'country')`;

    await tx.db.update(orders).set({ email: erased, shippingAddress: placeholder }).where(or(eq(orders.userId, userId), eq(sql`lower(${orders.email})`, email)));
    await tx.db.update(carts).set({ email: null, shippingAddress: null }).where(or(eq(carts.userId, userId), eq(sql`lower(${carts.email})`, email)));

    // Mail to addresses the account had before an email change is theirs too: found by the message's user.
    const recipients = [email, ...(user.phone ? [user.phone] : [])];
    const theirs = or(inArray(notifications.recipient, recipients), and(eq(notifications.userId, userId), eq(notifications.channel, "email")));
    const sent = tx.db.select({ id: notifications.id }).from(notifications).where(or(theirs, eq(notifications.recipient, userId)));
    await tx.db.delete(mailboxMessages).where(or(inArray(mailboxMessages.id, sent), inArray(sql`lower(${mailboxMessages.to})`, recipients)));
    await tx.db.update(notifications).set({ recipient: erased }).where(theirs);

    await tx.db.delete(emailSuppressions).where(eq(emailSuppressions.address, email));
    await tx.db.delete(notificationPreferences).where(or(eq(notificationPreferences.userId, userId), eq(notificationPreferences.address, email)));
    await tx.db.delete(stockAlerts).where(or(eq(stockAlerts.userId, userId), eq(stockAlerts.email, email)));
    await tx.db.delete(rateLimits).where(inArray(rateLimits.key, LIMITS_BY_EMAIL.map((prefix) => `${prefix}:${email}`)));
    for (const table of [pushSubscriptions, userAddresses, userTokens, accounts, customerNotes]) await tx.db.delete(table).where(eq(table.userId, userId));

    await tx.db
      .update(users)
      .set({ email: erased, name: null, phone: null, image: null, passwordHash: null, emailVerified: null, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
  });
}
