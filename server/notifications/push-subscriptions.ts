import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { pushSubscriptions } from "@/db/schema";
import type { ServiceContext } from "../context";
import { vapidConfig } from "../env";
import { signedInUser } from "./get-preferences";

const base64url = z.string().regex(/^[\w-]+=*$/, "base64url").max(200);

/** A browser's subscription as PushSubscription.toJSON() gives it; the endpoint is the push service's https URL. */
export const PushSubscriptionInput = z.strictObject({
  endpoint: z.url({ protocol: /^https$/ }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: base64url, auth: base64url }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const PushEndpointInput = z.strictObject({ endpoint: z.url().max(2048) });
export type PushEndpointInput = z.infer<typeof PushEndpointInput>;

/** The key a browser subscribes with (applicationServerKey), or null when push is off on this shop (no VAPID keys). */
export function pushPublicKey(ctx: ServiceContext): { publicKey: string | null } {
  signedInUser(ctx);
  return { publicKey: vapidConfig()?.publicKey ?? null };
}

/** Stores the browser's subscription for the signed-in shopper; the same endpoint again (keys renewed, or another shopper on that browser) moves it. */
export async function savePushSubscription(ctx: ServiceContext, input: PushSubscriptionInput): Promise<{ subscribed: true }> {
  const userId = signedInUser(ctx);
  const values = { userId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth };
  await ctx.db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: values.p256dh, auth: values.auth } });
  return { subscribed: true };
}

/** Forgets this browser's subscription, if it is the signed-in shopper's; running it twice changes nothing. */
export async function deletePushSubscription(ctx: ServiceContext, input: PushEndpointInput): Promise<{ subscribed: false }> {
  const userId = signedInUser(ctx);
  await ctx.db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.endpoint, input.endpoint), eq(pushSubscriptions.userId, userId)));
  return { subscribed: false };
}

/** Whether this browser's endpoint is stored for the signed-in shopper (the toggle's state). */
export async function pushSubscribed(ctx: ServiceContext, input: PushEndpointInput): Promise<{ subscribed: boolean }> {
  const userId = signedInUser(ctx);
  const [row] = await ctx.db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, input.endpoint), eq(pushSubscriptions.userId, userId)));
  return { subscribed: Boolean(row) };
}
