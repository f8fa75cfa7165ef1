import type { NotificationStatus } from "@/server/notifications/schemas";

const STYLES: Record<NotificationStatus, string> = {
  queued: "bg-stone-200 text-stone-700",
  skipped: "bg-amber-100 text-amber-900",
  sent: "bg-sky-100 text-sky-900",
  delivered: "bg-brand-100 text-brand-800",
  bounced: "bg-red-100 text-red-800",
  complained: "bg-red-100 text-red-800",
  failed: "bg-red-100 text-red-800",
};

export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STYLES[status]}`}>{status}</span>;
}
