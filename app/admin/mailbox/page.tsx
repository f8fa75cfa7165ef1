import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { Pagination } from "../_components/pagination";
import { requireAdmin } from "../_lib/require-admin";
import { AdminTime } from "../orders/_components/admin-time";
import { NotificationStatusBadge } from "./_components/notification-status-badge";
import { SuppressionList } from "./_components/suppression-list";

export const metadata: Metadata = { title: "Mailbox" };

const PAGE_SIZE = 50;

const hrefFor = (page: number) => (page > 1 ? `/admin/mailbox?page=${page}` : "/admin/mailbox");

export default async function AdminMailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const requested = Number((await searchParams).page);
  const page = Number.isInteger(requested) && requested > 1 && requested <= 10_000 ? requested : 1;
  await requireAdmin(hrefFor(page));
  const { items, total } = await (await getCaller()).notifications.mailbox({ page, pageSize: PAGE_SIZE });

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">Mailbox</h1>
          <p className="text-sm text-stone-600">
            Every message the shop decided to send, and where it stands. Without a Resend key the messages themselves are kept here (the dev mailbox) and
            nothing leaves the machine.
          </p>
        </div>
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 p-10 text-center">{total > 0 ? `There is no page ${page}.` : "No messages yet."}</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-300 text-xs uppercase tracking-wide text-stone-500">
                <tr>
                  {["To", "Subject", "Kind", "Status", "Time"].map((h) => (
                    <th key={h} scope="col" className="px-2 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id} className="border-b border-stone-100 hover:bg-stone-50">
                    <td className="px-2 py-2">{m.to}</td>
                    <td className="px-2 py-2">
                      <Link href={`/admin/mailbox/${m.id}`} className="underline-offset-2 hover:underline">
                        {m.subject ?? <span className="text-stone-500">(not sent)</span>}
                      </Link>
                    </td>
                    <td className="px-2 py-2 font-mono text-xs">{m.kind}</td>
                    <td className="px-2 py-2">
                      <NotificationStatusBadge status={m.status} />
                      {m.skipReason && <span className="block text-xs text-stone-500">{m.skipReason}</span>}
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      <AdminTime at={m.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={hrefFor} noun={["message", "messages"]} />
      </div>
      <SuppressionList />
    </div>
  );
}
