import { createTransport } from "nodemailer";
import type { Db, Tx } from "@/db/client";
import { mailboxMessages } from "@/db/schema";
import type { MailSender, OutgoingEmail } from "./mail-sender";

/** Hands a copy to the SMTP catcher at SMTP_URL (MailDev, Mailpit); the mailbox holds the message either way, so a failure is only reported. */
async function relay(smtpUrl: string, message: OutgoingEmail): Promise<void> {
  try {
    await createTransport(smtpUrl).sendMail({ from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text, headers: message.headers });
  } catch (error) {
    console.warn(`dev mailbox: could not relay message ${message.id} to ${smtpUrl}: ${error instanceof Error ? error.message : String(error)}`);
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
