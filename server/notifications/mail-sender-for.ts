import type { ServiceContext } from "../context";
import { env } from "../env";
import { createMailboxSender } from "./mailbox-sender";
import type { MailSender } from "./mail-sender";
import { createResendSender } from "./resend-sender";

let resend: MailSender | undefined;

/** The context's sender (tests inject one), else Resend when RESEND_API_KEY is set, else the dev mailbox on the context's database (relayed to SMTP_URL when set). */
export function mailSenderFor(ctx: ServiceContext): MailSender {
  if (ctx.mail) return ctx.mail;
  const { RESEND_API_KEY: apiKey, RESEND_BASE_URL: baseUrl, SMTP_URL: smtpUrl } = env();
  if (!apiKey) return createMailboxSender(ctx.db, { smtpUrl });
  resend ??= createResendSender({ apiKey, baseUrl });
  return resend;
}
