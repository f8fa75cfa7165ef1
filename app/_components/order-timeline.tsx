import type { OrderEventView } from "@/server/orders/schemas";

const LABELS: Record<string, string> = {
  placed: "Order placed",
  payment_succeeded: "Payment succeeded",
  payment_failed: "Payment failed",
  payment_cancelled: "Payment cancelled",
  paid: "Paid",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

// Shoppers see the details that explain something to them; the rest (payment ids, step results) is for admins.
const SHOPPER_DETAILS = new Set(["payment_failed", "cancelled"]);

/** "saga:release-stock" -> "Saga: release stock"; known types get their own wording. */
export function eventLabel(type: string): string {
  const known = LABELS[type];
  if (known) return known;
  const [scope, name] = type.includes(":") ? type.split(":", 2) : [undefined, type];
  const words = (name ?? type).replaceAll(/[-_]/g, " ");
  return scope ? `${scope[0]!.toUpperCase()}${scope.slice(1)}: ${words}` : `${words[0]?.toUpperCase() ?? ""}${words.slice(1)}`;
}

/** A provider's code ("insufficient_funds") as words; free text stays as written. */
const readable = (detail: string) => (/^[a-z]+(_[a-z]+)*$/.test(detail) ? `${detail.charAt(0).toUpperCase()}${detail.slice(1).replaceAll("_", " ")}` : detail);

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

/** The order's events, oldest first, each with its time. `allDetails` shows every event's detail (the admin page). */
export function OrderTimeline({ events, allDetails = false }: { events: OrderEventView[]; allDetails?: boolean }) {
  if (events.length === 0) return <p className="text-sm text-stone-600">Nothing has happened to this order yet.</p>;
  return (
    <ol className="flex flex-col">
      {events.map((event, i) => {
        const detail = allDetails ? event.detail : SHOPPER_DETAILS.has(event.type) && event.detail ? readable(event.detail) : null;
        return (
          <li key={event.id} className="relative flex gap-3 pb-4 last:pb-0">
            {i < events.length - 1 && <span aria-hidden className="absolute top-3 left-[5px] h-full w-px bg-stone-300" />}
            <span aria-hidden className="mt-1.5 size-[11px] shrink-0 rounded-full border-2 border-brand-700 bg-white" />
            <div className="flex min-w-0 flex-col">
              <span className="text-sm font-medium">{eventLabel(event.type)}</span>
              {/* Formatted in the reader's time zone, which the server rendering cannot know. */}
              <time dateTime={event.createdAt.toISOString()} className="text-xs text-stone-500" suppressHydrationWarning>
                {timeFormat.format(event.createdAt)}
              </time>
              {detail && <span className="text-sm break-words text-stone-600">{detail}</span>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
