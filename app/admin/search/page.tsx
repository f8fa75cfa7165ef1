import type { Metadata } from "next";
import { getCaller } from "@/app/_trpc/server";
import { requireAdmin } from "../_lib/require-admin";
import { ReindexButton } from "./_components/reindex-button";

export const metadata: Metadata = { title: "Search index" };

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const ADAPTERS = { meilisearch: "Meilisearch", postgres: "PostgreSQL" } as const;
const RUNS = { sync: "Last sync", "drift-check": "Last drift check", reindex: "Last reindex" } as const;

function describeRun(kind: keyof typeof RUNS, report: Record<string, number>): string {
  if (kind === "sync") return `${report.upserted ?? 0} written, ${report.deleted ?? 0} removed`;
  if (kind === "reindex") return `${report.documents ?? 0} documents`;
  const found = (report.missing ?? 0) + (report.extra ?? 0) + (report.changed ?? 0);
  if (found === 0) return `no drift (${report.expected ?? 0} products, ${report.indexed ?? 0} documents)`;
  return `${report.missing ?? 0} missing, ${report.extra ?? 0} extra, ${report.changed ?? 0} changed; ${report.repaired ?? 0} repaired`;
}

function lag(oldest: Date | null): string {
  if (!oldest) return "none: every change has been handed to the sync";
  const seconds = Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

export default async function AdminSearchPage() {
  await requireAdmin("/admin/search");
  const status = await (await getCaller()).adminSearch.status();
  const meilisearch = status.configured === "meilisearch";
  const rows: [string, string][] = [
    ["Adapter", ADAPTERS[status.configured]],
    ["Answering now", status.answering === status.configured ? ADAPTERS[status.answering] : `${ADAPTERS[status.answering]} (while the index is prepared)`],
  ];
  if (meilisearch) {
    rows.push(["Changes waiting", String(status.pendingChanges)], ["Index lag", lag(status.oldestPendingAt)]);
    for (const kind of Object.keys(RUNS) as (keyof typeof RUNS)[]) {
      const run = status.runs.find((r) => r.kind === kind);
      rows.push([RUNS[kind], run ? `${timeFormat.format(run.finishedAt)} UTC: ${describeRun(kind, run.report)}` : "never"]);
    }
  }

  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <h1 className="text-2xl font-semibold">Search index</h1>
      {!meilisearch && (
        <p className="text-sm text-stone-600">
          Search runs on PostgreSQL and reads the catalogue itself, so there is no index to keep in step. Set MEILISEARCH_HOST to use Meilisearch.
        </p>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="text-stone-700">{value}</dd>
          </div>
        ))}
      </dl>
      <ReindexButton disabled={!meilisearch} />
    </div>
  );
}
