import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { previewProps, renderEmail, templateNames, type TemplateName } from "@/emails";
import { requireAdmin } from "../../_lib/require-admin";

export const metadata: Metadata = { title: "Email preview" };

const isTemplateName = (name: string): name is TemplateName => (templateNames as string[]).includes(name);

export default async function AdminEmailPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  await requireAdmin(`/admin/emails/${name}`);
  if (!isTemplateName(name)) notFound();
  const { subject, html, text } = await renderEmail(name, previewProps(name));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Link href="/admin/emails" className="text-sm underline">
          ← Emails
        </Link>
        <h1 className="text-2xl font-semibold">{name}</h1>
        <p className="text-sm text-stone-600">
          Subject: <span className="text-stone-900">{subject}</span>
        </p>
      </div>
      <section aria-labelledby="html-heading" className="flex flex-col gap-2">
        <h2 id="html-heading" className="text-lg font-medium">
          HTML
        </h2>
        <iframe srcDoc={html} sandbox="" title={`${name} HTML`} className="h-[44rem] w-full rounded border border-stone-200" />
      </section>
      <section aria-labelledby="text-heading" className="flex flex-col gap-2">
        <h2 id="text-heading" className="text-lg font-medium">
          Plain text
        </h2>
        <pre className="overflow-x-auto rounded border border-stone-200 bg-stone-50 p-4 text-sm whitespace-pre-wrap">{text}</pre>
      </section>
    </div>
  );
}
