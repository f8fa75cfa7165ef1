"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { CATEGORY_LABELS } from "@/server/notifications/notification-categories";
import type { NotificationCategory, NotificationChannel } from "@/server/notifications/preference-schemas";

const CHANNEL_LABELS: Record<NotificationChannel, string> = { email: "Email", sms: "SMS", push: "Push" };

/** The category × channel grid; each change is saved at once, and a locked cell shows why it cannot be changed. */
export function NotificationPreferences() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: cells } = useSuspenseQuery(trpc.preferences.get.queryOptions());
  const update = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (grid) => queryClient.setQueryData(trpc.preferences.get.queryKey(), grid),
    }),
  );
  const categories = [...new Set(cells.map((c) => c.category))];
  const channels = [...new Set(cells.map((c) => c.channel))];
  const cell = (category: NotificationCategory, channel: NotificationChannel) => cells.find((c) => c.category === category && c.channel === channel)!;

  return (
    <div className="flex flex-col gap-2">
      <table className="w-full max-w-xl text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left">
            <th scope="col" className="py-2 font-medium">
              Category
            </th>
            {channels.map((channel) => (
              <th key={channel} scope="col" className="px-3 py-2 text-center font-medium">
                {CHANNEL_LABELS[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category} className="border-b border-stone-100">
              <th scope="row" className="py-2 text-left font-normal">
                {CATEGORY_LABELS[category]}
              </th>
              {channels.map((channel) => {
                const { enabled, locked } = cell(category, channel);
                return (
                  <td key={channel} className="px-3 py-2 text-center">
                    <input
                      type="checkbox"
                      className="size-4 accent-stone-900 disabled:opacity-50"
                      aria-label={`${CATEGORY_LABELS[category]} by ${CHANNEL_LABELS[channel]}`}
                      title={locked ? "Always sent: this is the record of your purchase" : undefined}
                      checked={enabled}
                      disabled={locked || update.isPending}
                      onChange={(e) => update.mutate({ changes: [{ category, channel, enabled: e.target.checked }] })}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-stone-500">Order updates by email are always sent: they are the record of your purchase. Password emails are always sent too.</p>
      {update.isError && (
        <p role="alert" className="text-sm text-red-700">
          Your change was not saved. Please try again.
        </p>
      )}
    </div>
  );
}
