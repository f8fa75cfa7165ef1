import { eq } from "drizzle-orm";
import webpush, { WebPushError } from "web-push";
import type { Db, Tx } from "@/db/client";
import { pushSubscriptions } from "@/db/schema";
import { PermanentSendError } from "./mail-sender";
import type { PushSender } from "./push-sender";

export interface VapidDetails {
  publicKey: string;
  privateKey: string;
  subject: string;
}

// A push service keeps an undelivered message this long for a browser that is offline, then drops it.
const TTL_SECONDS = 24 * 60 * 60;

// The push service refuses for good (a payload too large, our JWT refused): sending the same again changes nothing.
const permanent = (status: number) => status >= 400 && status < 500 && status !== 429;

/**
 * Web push to every browser the shopper subscribed, encrypted for each (aes128gcm) and signed with our VAPID key. A
 * subscription its push service answers 404 or 410 for has expired and is deleted; one that took the message is stamped.
 * The Topic header is the message id, so a push service still holding a retried copy replaces it rather than adding one.
 * Sent when at least one browser took it; a shopper with no live subscription left is a refusal for good.
 */
export function createWebPushSender(db: Db | Tx, vapid: VapidDetails): PushSender {
  const vapidDetails = { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey };
  return {
    name: "web-push",
    async send(message) {
      const subscriptions = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, message.userId));
      const body = JSON.stringify(message.payload);
      const topic = message.id.replaceAll("-", "");
      let delivered = 0;
      let lastError: Error | undefined;
      for (const s of subscriptions) {
        try {
          await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, body, { vapidDetails, TTL: TTL_SECONDS, urgency: "normal", topic });
          await db.update(pushSubscriptions).set({ lastSuccessAt: new Date() }).where(eq(pushSubscriptions.id, s.id));
          delivered += 1;
        } catch (error) {
          if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
            await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id));
            continue;
          }
          const status = error instanceof WebPushError ? error.statusCode : null;
          const reason = `push service ${status ?? "unreachable"} at ${new URL(s.endpoint).origin}: ${error instanceof Error ? error.message : String(error)}`;
          lastError = status !== null && permanent(status) ? new PermanentSendError(reason) : new Error(reason);
        }
      }
      if (delivered > 0) return { providerMessageId: `push-${message.id}` };
      throw lastError ?? new PermanentSendError(subscriptions.length > 0 ? "every push subscription of this shopper has expired" : "this shopper has no push subscription");
    },
  };
}
