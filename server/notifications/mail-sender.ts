/** One email as every channel adapter takes it; `id` is our message id (the notification's), the provider's idempotency key. */
export interface OutgoingEmail {
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** Where email goes: Resend when configured, else the dev mailbox. Sending the same id twice delivers one message. */
export interface MailSender {
  name: "resend" | "mailbox";
  send(message: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

/** The provider refused this message for good (a malformed address, a sender it will not send for): a retry changes nothing. */
export class PermanentSendError extends Error {}
