// The search part of `npm run bench`: a search with a typo, suggestions while typing, the unfiltered facet counts, and
// the category and product pages, against the production build on BENCH_PRODUCTS products (50,000 by default).
// Per request: latency, the server's CPU, the database's CPU (embedded PostgreSQL's processes) and the time the
// database spent executing statements (pg_stat_database.active_time, which load on other processes disturbs less).
// Targets: JSON reads ≤ 3 ms server CPU, product page HTML ≤ 3 ms, unfiltered facets ≤ 50 ms of database time,
// category page p99 < 100 ms with 16 connections. The figures are a warm server's: each scenario is measured right after
// BENCH_WARM_UP requests of its own (5,000 by default) have been answered unmeasured. BENCH_SCENARIOS=typo,category runs only the scenarios whose names
// contain one of those words (for A/B runs of one).
import { execFileSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { assertPortFree, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { childPidsNamed } from "./cpu";
import { BENCH_PRODUCTS, openBenchDatabase } from "./database";
import { measure, warmUp, type LoadOptions, type ScenarioResult } from "./measure";
import { formatTable, writeResults } from "./report";
import { buildBenchServer, startBenchServer } from "./production-server";
import type { Scenario } from "./scenarios";
import { trpcPath } from "./trpc";

const PORT = 3118;
const baseUrl = `http://127.0.0.1:${PORT}`;
const options: LoadOptions = {
  baseUrl,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
};

/** A typo a shopper makes: the second and third letters swapped ("jakcet"). */
const typo = (word: string) => word[0] + word[2]! + word[1]! + word.slice(3);

/** Paths built from the catalogue itself: its commonest long title words, categories and a spread of products. */
async function prepareScenarios(sql: postgres.Sql): Promise<{ scenarios: Scenario[]; words: string[] }> {
  const words = (await sql<{ word: string }[]>`select word from search_words where word ~ '^[a-z]{6,}$' order by products desc, word limit 5`).map((r) => r.word);
  const categories = (await sql<{ slug: string }[]>`select slug from categories order by id`).map((r) => r.slug);
  const slugs = (await sql<{ slug: string }[]>`
    select slug from products where status = 'active' and price_min is not null order by md5(id::text) limit 200`).map((r) => r.slug);
  return {
    words,
    scenarios: [
      { name: "search with a typo", paths: words.map((w) => trpcPath("catalog.listProducts", { q: typo(w), limit: 24 })) },
      { name: "suggestions", paths: words.flatMap((w) => [3, 4, 5].map((n) => trpcPath("catalog.suggest", { q: w.slice(0, n) }))) },
      { name: "unfiltered facets", paths: [trpcPath("catalog.facets", {})] },
      { name: "category page HTML", paths: categories.map((slug) => `/c/${slug}`) },
      { name: "product page HTML", paths: slugs.map((slug) => `/p/${slug}`) },
    ],
  };
}

const WARM_UP_REQUESTS = Number(process.env.BENCH_WARM_UP ?? 5000);

const wanted = process.env.BENCH_SCENARIOS?.split(",").map((word) => word.trim()).filter(Boolean);
const isWanted = (scenario: Scenario) => !wanted || wanted.some((word) => scenario.name.includes(word));

/** Milliseconds the database has spent executing statements, once every backend has reported (they do when idle, at most each second). */
async function activeTimeMs(sql: postgres.Sql): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const [row] = await sql<{ ms: number }[]>`select active_time::float8 as ms from pg_stat_database where datname = current_database()`;
  return row!.ms;
}

/**
 * The longest of these pages as sent without compression. Node writes a response string over 65,536 characters that
 * holds any character beyond Latin-1 (product titles' dashes) several times more slowly: ~1.4 ms of CPU per request.
 */
async function largestPage(paths: string[]): Promise<string> {
  const sizes = await Promise.all(paths.map(async (path) => ({ path, characters: (await (await fetch(baseUrl + path)).text()).length })));
  const largest = sizes.reduce((a, b) => (b.characters > a.characters ? b : a));
  const verdict = largest.characters > 65_536 ? "over 65,536: Node's slow path for large strings" : `${65_536 - largest.characters} below 65,536`;
  return `largest category page: ${largest.path}, ${largest.characters} characters (${verdict})`;
}

await assertPortFree(PORT);
const database = await openBenchDatabase();
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
let server: ChildProcess | undefined;
const stopAll = async () => {
  if (server) await stopProcessGroup(server);
  await sql.end();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));
process.on("SIGTERM", () => void stopAll().finally(() => process.exit(143)));

try {
  const env = await buildBenchServer(PORT, database.url);
  server = startBenchServer(PORT, env);
  await waitForServer(baseUrl, server, 60_000);

  // Steady state: a migration that rewrote every product row (a backfill) leaves index-only scans fetching the heap
  // until autovacuum gets round to the table.
  await sql`vacuum (analyze) products, variants, stock_levels, product_option_values, option_value_counts`;
  const prepared = await prepareScenarios(sql);
  const scenarios = prepared.scenarios.filter(isWanted);
  if (scenarios.length === 0) throw new Error(`BENCH_SCENARIOS=${process.env.BENCH_SCENARIOS} names none of: ${prepared.scenarios.map((s) => s.name).join(", ")}`);
  const { words } = prepared;
  const pids = { server: [server.pid!], database: database.embedded ? childPidsNamed("postgres") : [] };
  console.log(`search bench: ${database.products} products, ${options.connections} connections, ${options.durationSeconds} s per scenario; typos of ${words.join(", ")}`);
  const results: (ScenarioResult & { databaseTimeMsPerRequest: number })[] = [];
  // Each scenario is measured right after its own warm-up: after a few minutes of other requests, the first seconds of
  // typo searches cost ~15% more server CPU than they settle back to.
  for (const scenario of scenarios) {
    const answered = await warmUp(scenario, options, WARM_UP_REQUESTS);
    console.log(`${scenario.name}: warmed up with ${answered} requests`);
    const before = await activeTimeMs(sql);
    const result = await measure(scenario, options, pids);
    const databaseMs = (await activeTimeMs(sql)) - before;
    results.push({ ...result, databaseTimeMsPerRequest: databaseMs / Math.max(result.requests, 1) });
  }
  console.log(`\n${formatTable(results)}\n`);
  for (const r of results) console.log(`${r.scenario}: database time ${r.databaseTimeMsPerRequest.toFixed(1)} ms/request`);
  const categoryPages = scenarios.find((scenario) => scenario.name === "category page HTML");
  if (categoryPages) console.log(await largestPage(categoryPages.paths));
  const file = writeResults(results, {
    bench: "search",
    products: database.products,
    database: database.embedded ? "embedded" : "DATABASE_URL",
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmUpRequests: WARM_UP_REQUESTS,
    typos: words.map(typo),
    commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
  });
  console.log(`written to ${file} (BENCH_PRODUCTS=${BENCH_PRODUCTS})`);
} finally {
  await stopAll();
}
