import type { Db, Tx } from "@/db/client";
import { mailboxMessages } from "@/db/schema";
import type { MailSender } from "./mail-sender";

/**
 * The dev mailbox: with no provider configured, every message is stored in PostgreSQL and read at /admin/mailbox.
 * Nothing leaves the machine. The message id is the row's key, so a retried send keeps the first copy.
 */
export function createMailboxSender(db: Db | Tx): MailSender {
  return {
    name: "mailbox",
    async send(message) {
      await db.insert(mailboxMessages).values(message).onConflictDoNothing();
      return { providerMessageId: `mailbox-${message.id}` };
    },
  };
}
