import { systemContext } from "../context";
import { appDb } from "../db";
import { log } from "../log";
import { meilisearchSearch } from "./meilisearch/meilisearch-search";
import { prepareSearchIndex } from "./meilisearch/prepare-search-index";
import { configuredProductIndex, type ProductIndex } from "./meilisearch/product-index";
import { postgresSearch } from "./postgres-search";
import type { SearchPort } from "./search-port";

interface Adapter {
  target: ProductIndex;
  port: SearchPort;
  ready: boolean;
}

let adapter: Adapter | undefined;

/**
 * Meilisearch when MEILISEARCH_HOST is set, else PostgreSQL. The first call in a process prepares the index (settings,
 * or a full build when there is none); until that is done, and while Meilisearch cannot be prepared, PostgreSQL answers,
 * so a first start never serves errors or an empty shop.
 */
export function searchEngine(): SearchPort {
  const target = configuredProductIndex();
  if (!target) return postgresSearch;
  if (adapter?.target !== target) {
    const current: Adapter = { target, port: meilisearchSearch(target), ready: false };
    adapter = current;
    prepareSearchIndex(systemContext(appDb(), "search-start-up"), target).then(
      (outcome) => {
        current.ready = true;
        log().info(outcome, "search: Meilisearch index ready");
      },
      (error: unknown) => {
        if (adapter === current) adapter = undefined;
        log().error({ err: error }, "search: Meilisearch index not prepared; PostgreSQL answers until it is");
      },
    );
  }
  return adapter.ready ? adapter.port : postgresSearch;
}
