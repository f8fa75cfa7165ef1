import type { ServiceContext } from "../context";
import { snsConfig } from "../env";
import { createMailboxSmsSender } from "./mailbox-sender";
import type { SmsSender } from "./sms-sender";
import { createSnsSmsSender } from "./sns-sms-sender";

let sns: SmsSender | undefined;

/** The context's sender (tests inject one), else SNS when SNS_REGION is set, else the dev mailbox on the context's database. */
export function smsSenderFor(ctx: ServiceContext): SmsSender {
  if (ctx.sms) return ctx.sms;
  const config = snsConfig();
  if (!config) return createMailboxSmsSender(ctx.db);
  sns ??= createSnsSmsSender(config);
  return sns;
}
