import type { ServiceContext } from "../context";
import { vapidConfig } from "../env";
import { createMailboxPushSender } from "./mailbox-sender";
import type { PushSender } from "./push-sender";
import { createWebPushSender } from "./web-push-sender";

/**
 * The context's sender (tests inject one), else web push signed with the VAPID keys (development generates them, so it
 * reaches whatever push service the browser subscribed with), else the dev mailbox: push is off in a production without keys.
 */
export function pushSenderFor(ctx: ServiceContext): PushSender {
  if (ctx.push) return ctx.push;
  const vapid = vapidConfig();
  return vapid ? createWebPushSender(ctx.db, vapid) : createMailboxPushSender(ctx.db);
}
