import { checkIndexDrift } from "@/server/search/meilisearch/check-index-drift";
import type { FunctionDefinition } from "../step";
import { searchIndexOf, type SearchDeps } from "./sync-search-index";

/** Every 5 minutes (and so within 5 minutes of a bulk load such as db:seed, which writes no events): compares the Meilisearch index with the database, document by document, and repairs what differs. */
export const checkSearchDrift = (deps: SearchDeps): FunctionDefinition => ({
  id: "check-search-drift",
  trigger: { cron: "*/5 * * * *" },
  handler: ({ step }) => {
    const target = searchIndexOf(deps);
    if (!target) return Promise.resolve({ skipped: "search runs on PostgreSQL" });
    return step.run("check-drift", () => checkIndexDrift(deps.context("check-search-drift"), target));
  },
});
