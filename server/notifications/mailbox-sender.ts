import { createTransport } from "nodemailer";
import type { Db, Tx } from "@/db/client";
import { mailboxMessages } from "@/db/schema";
import { log } from "../log";
import type { MailSender, OutgoingEmail } from "./mail-sender";
import type { PushSender } from "./push-sender";
import type { SmsSender } from "./sms-sender";

/** Hands a copy to the SMTP catcher at SMTP_URL (MailDev, Mailpit); the mailbox holds the message either way, so a failure is only reported. */
async function relay(smtpUrl: string, message: OutgoingEmail): Promise<void> {
  try {
    await createTransport(smtpUrl).sendMail({ from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text, headers: message.headers });
  } catch (error) {
    log().warn({ err: error, messageId: message.id }, "dev mailbox: could not relay the message to the SMTP catcher at SMTP_URL");
  }
}

/**
 * The dev mailbox: with no provider configured, every message is stored in PostgreSQL and read at /admin/mailbox, and
 * copied to a local SMTP catcher when SMTP_URL is set. Nothing else leaves the machine. The message id is the row's key,
 * so a retried send keeps the first copy and relays nothing more.
 */
export function createMailboxSender(db: Db | Tx, options: { smtpUrl?: string } = {}): MailSender {
  return {
    name: "mailbox",
    async send(message) {
      const stored = await db.insert(mailboxMessages).values(message).onConflictDoNothing().returning({ id: mailboxMessages.id });
      if (stored.length > 0 && options.smtpUrl) await relay(options.smtpUrl, message);
      return { providerMessageId: `mailbox-${message.id}` };
    },
  };
}

/** SMS without SNS: stored in the dev mailbox as a message of channel sms, to the phone number, its text as it would arrive. */
export function createMailboxSmsSender(db: Db | Tx): SmsSender {
  return {
    name: "mailbox",
    async send(message) {
      const subject = message.text.length > 80 ? `${message.text.slice(0, 79)}…` : message.text;
      await db.insert(mailboxMessages).values({ id: message.id, channel: "sms", from: "sms", to: message.to, subject, html: "", text: message.text, headers: {} }).onConflictDoNothing();
      return { providerMessageId: `mailbox-${message.id}` };
    },
  };
}

/** Push without VAPID keys: stored in the dev mailbox as a message of channel push, to the shopper's id, with the payload a browser would get. */
export function createMailboxPushSender(db: Db | Tx): PushSender {
  return {
    name: "mailbox",
    async send(message) {
      const values = { id: message.id, channel: "push" as const, from: "push", to: message.userId, subject: message.payload.title, html: "", text: JSON.stringify(message.payload), headers: {} };
      await db.insert(mailboxMessages).values(values).onConflictDoNothing();
      return { providerMessageId: `mailbox-${message.id}` };
    },
  };
}
