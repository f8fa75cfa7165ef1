import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/app/_trpc/server";
import { NotificationIdInput } from "@/server/notifications/schemas";
import { requireAdmin } from "../../_lib/require-admin";
import { AdminTime } from "../../orders/_components/admin-time";
import { Panel } from "../../orders/_components/panel";
import { NotificationStatusBadge } from "../_components/notification-status-badge";

export const metadata: Metadata = { title: "Message" };

export default async function AdminMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/mailbox/${id}`);
  if (!NotificationIdInput.safeParse({ notificationId: id }).success) notFound();
  const { notification, message, timeline } = await (await getCaller()).notifications.message({ notificationId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  const headers: Record<string, string> = message ? { From: message.from, To: message.to, Subject: message.subject, ...message.headers } : {};
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/admin/mailbox" className="text-sm underline">
          ← Mailbox
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{notification.subject ?? notification.kind}</h1>
          <NotificationStatusBadge status={notification.status} />
        </div>
        <p className="text-sm text-stone-600">
          <span className="font-mono">{notification.kind}</span> to {notification.recipient}, about {notification.subjectId}
          {notification.providerMessageId && <> · provider id {notification.providerMessageId}</>}
        </p>
      </div>

      <Panel title="Status">
        <ol className="flex flex-col gap-1 text-sm">
          {timeline.map((e) => (
            <li key={e.id}>
              <AdminTime at={e.createdAt} /> · <span className="font-medium">{e.status}</span>
              {e.detail && <span className="text-stone-600"> — {e.detail}</span>}
            </li>
          ))}
        </ol>
      </Panel>

      {message ? (
        <>
          <Panel title="Preview">
            {/* An empty sandbox: the message's HTML may not run scripts, submit forms or reach this page. */}
            <iframe title="The message as HTML" sandbox="" srcDoc={message.html} className="h-[640px] w-full rounded border border-stone-200 bg-white" />
          </Panel>
          <Panel title="Text">
            <pre className="whitespace-pre-wrap break-words text-sm">{message.text}</pre>
          </Panel>
          <Panel title="Headers">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              {Object.entries(headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-medium">{name}</dt>
                  <dd className="break-all font-mono text-xs leading-5">{value}</dd>
                </div>
              ))}
            </dl>
          </Panel>
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm">
          {notification.status === "skipped" || notification.status === "queued" ? "Nothing was sent." : "The provider holds this message; only its ledger row is kept here."}
        </p>
      )}
    </div>
  );
}
