import { z } from "zod";
import { notificationCategory, notificationChannel } from "@/db/schema";

export const NotificationCategory = z.enum(notificationCategory.enumValues);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const NotificationChannel = z.enum(notificationChannel.enumValues);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** One cell of the account page's grid: whether the category reaches the shopper on the channel, and whether they may change it. */
export type PreferenceCell = { category: NotificationCategory; channel: NotificationChannel; enabled: boolean; locked: boolean };

export const UpdatePreferencesInput = z.strictObject({
  changes: z
    .array(z.strictObject({ category: NotificationCategory, channel: NotificationChannel, enabled: z.boolean() }))
    .min(1)
    .max(notificationCategory.enumValues.length * notificationChannel.enumValues.length),
});
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;

export const UnsubscribeInput = z.strictObject({ token: z.string().min(1).max(1000) });
export type UnsubscribeInput = z.infer<typeof UnsubscribeInput>;
