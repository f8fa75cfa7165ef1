import type { ReactNode } from "react";
import type { OrderMessage } from "@/server/notifications/list-order-messages";

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const CHANNELS: Record<OrderMessage["channel"], string> = { email: "Email", sms: "SMS", push: "Push" };

/** The messages about an order, oldest first: what, how, where it stands and when. `action` adds a control per message (the admin's resend). */
export function OrderMessages({ messages, showRecipient = false, action }: { messages: OrderMessage[]; showRecipient?: boolean; action?: (message: OrderMessage) => ReactNode }) {
  if (messages.length === 0) return <p className="text-sm text-stone-600">No messages yet.</p>;
  return (
    <ul aria-label="Messages" className="flex flex-col divide-y divide-stone-100 text-sm">
      {messages.map((message) => (
        <li key={message.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <span className="font-medium">
            {message.label}
            {message.resendOf && " (resent)"}
          </span>
          <span className="text-stone-600">{CHANNELS[message.channel]}</span>
          {showRecipient && <span className="text-stone-600">{message.recipient}</span>}
          <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{message.status === "skipped" && message.skipReason ? `skipped (${message.skipReason})` : message.status}</span>
          <time dateTime={message.createdAt.toISOString()} className="text-stone-500">
            {timeFormat.format(message.createdAt)}
          </time>
          {action?.(message)}
        </li>
      ))}
    </ul>
  );
}
