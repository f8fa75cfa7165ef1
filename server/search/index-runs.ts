import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

export type IndexRunKind = "sync" | "drift-check" | "reindex";

/** Records the latest run of a kind (one row each) with its counts, for the admin's index status page. */
export async function recordIndexRun(ctx: ServiceContext, kind: IndexRunKind, report: Record<string, number>): Promise<void> {
  await ctx.db.execute(sql`
    insert into search_index_runs (kind, finished_at, report) values (${kind}, now(), ${JSON.stringify(report)}::jsonb)
    on conflict (kind) do update set finished_at = excluded.finished_at, report = excluded.report`);
}
