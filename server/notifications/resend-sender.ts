import { Resend } from "resend";
import { PermanentSendError, type MailSender } from "./mail-sender";

// Resend's answers that a retry could turn around: a rate limit, a concurrent request with the same key, its own outages.
const retryable = (status: number | null) => status === null || status === 409 || status === 429 || status >= 500;

/**
 * Email through Resend's API. The message id goes out as the Idempotency-Key (Resend keeps one email per key for 24
 * hours) and as a tag, so a webhook that overtakes our own record of the send still finds its message.
 */
export function createResendSender(options: { apiKey: string; baseUrl?: string }): MailSender {
  const resend = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          tags: [{ name: "message_id", value: message.id }],
        },
        { idempotencyKey: message.id },
      );
      if (data) return { providerMessageId: data.id };
      const status = error && "statusCode" in error ? (error.statusCode as number | null) : null;
      const reason = `Resend ${status ?? "unreachable"}: ${error?.name ?? "error"}: ${error?.message ?? "no answer"}`;
      throw retryable(status) ? new Error(reason) : new PermanentSendError(reason);
    },
  };
}
