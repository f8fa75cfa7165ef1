import type { Metadata } from "next";
import Link from "next/link";
import { previewProps, renderEmail, templateNames } from "@/emails";
import { requireAdmin } from "../_lib/require-admin";

export const metadata: Metadata = { title: "Emails" };

export default async function AdminEmailsPage() {
  await requireAdmin("/admin/emails");
  const emails = await Promise.all(templateNames.map(async (name) => ({ name, ...(await renderEmail(name, previewProps(name))) })));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Emails</h1>
        <p className="text-sm text-stone-600">Every message the shop sends, rendered with sample data.</p>
      </div>
      <ul className="grid gap-4 lg:grid-cols-2">
        {emails.map(({ name, subject, html }) => (
          <li key={name} className="flex min-w-0 flex-col gap-2 rounded-lg border border-stone-200 p-3">
            <div className="flex items-baseline justify-between gap-3">
              <Link href={`/admin/emails/${name}`} className="font-medium underline">
                {name}
              </Link>
              <span className="min-w-0 truncate text-sm text-stone-600">{subject}</span>
            </div>
            {/* An empty sandbox: the message's markup runs nothing and reaches nothing of the admin. */}
            <iframe srcDoc={html} sandbox="" title={`${name} preview`} loading="lazy" className="h-72 w-full rounded border border-stone-100" />
          </li>
        ))}
      </ul>
    </div>
  );
}
