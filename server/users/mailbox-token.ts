import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { renderNotification } from "../notifications/render-notification";

/** Tests: the newest message of `kind` to `email` as the recipient reads it, and the token its link carries (if any). */
export async function mailFromLedger(db: Db, kind: string, email: string): Promise<{ subject: string; text: string; token: string | null }> {
  const [message] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), eq(notifications.recipient, email)))
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(1);
  if (!message) throw new Error(`no ${kind} message to ${email}`);
  const content = (await renderNotification({ db, actor: { type: "system", name: "test" } }, { notificationId: message.id })) as { subject: string; text: string };
  const link = /https?:\/\/\S+?token=([^"&\s]+)/.exec(content.text);
  return { subject: content.subject, text: content.text, token: link ? decodeURIComponent(link[1]!) : null };
}

/** Tests: the token in the newest message of `kind` to `email`. */
export async function tokenFromMailbox(db: Db, kind: string, email: string): Promise<string> {
  const { token } = await mailFromLedger(db, kind, email);
  if (!token) throw new Error(`the ${kind} message to ${email} carries no link`);
  return token;
}
