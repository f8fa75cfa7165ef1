// Lighthouse on every storefront page of the production build, mobile form factor with the default simulated
// throttling, in the machine's Chromium: performance and accessibility scores, TBT, LCP and CLS per page (the median
// of LIGHTHOUSE_RUNS runs, 3 by default, by performance score), and every failing accessibility audit.
// Targets: accessibility 100 everywhere; performance ≥ 90 on the home, category and product pages.
// Runs alone with `npx tsx bench/lighthouse.ts` on the demo-sized catalogue (BENCH_PRODUCTS, 600 by default);
// LIGHTHOUSE_PAGES=category,product audits only those pages (for A/B runs of one page).
// Simulated throttling scales the main-thread work it observes, so CPU load from other processes lowers the scores:
// the load average and Lighthouse's own benchmark index are printed beside them.
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { type Result } from "lighthouse";
import postgres from "postgres";
import { assertPortFree, startGroup, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { buildBenchServer, startBenchServer } from "./production-server";
import { writeResults } from "./report";

process.env.BENCH_PRODUCTS ||= "600";
process.env.BENCH_PG_PORT ||= "54409";
// bench/database reads these when it loads.
const { openBenchDatabase } = await import("./database");

const PORT = 3119;
const CHROME_PORT = 9339;
const baseUrl = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const PERFORMANCE_TARGET_PAGES = new Set(["home", "category", "product"]);

/** The storefront pages, with a category, a product and a search word taken from the catalogue. */
async function storefrontPages(sql: postgres.Sql): Promise<{ name: string; path: string }[]> {
  const [category] = await sql<{ slug: string }[]>`select slug from categories where parent_id is null order by id limit 1`;
  const [product] = await sql<{ slug: string; title: string }[]>`
    select slug, title from products where status = 'active' and price_min is not null order by id limit 1`;
  if (!category || !product) throw new Error("the catalogue is empty");
  return [
    { name: "home", path: "/" },
    { name: "category", path: `/c/${category.slug}` },
    { name: "product", path: `/p/${product.slug}` },
    { name: "search", path: `/search?q=${encodeURIComponent(product.title.split(" ").at(-1)!.toLowerCase())}` },
    { name: "no results", path: "/search?q=qzxvjkw" },
    { name: "cart", path: "/cart" },
    { name: "sign-in", path: "/sign-in" },
    { name: "404", path: "/no-such-page" },
  ];
}

async function audit(url: string): Promise<Result> {
  const result = await lighthouse(url, {
    port: CHROME_PORT,
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
    // The 404 page is a storefront page too.
    ignoreStatusCode: true,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const metric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

function summarise(name: string, lhr: Result) {
  const failing = Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === "binary" && a.score === 0 && lhr.categories.accessibility?.auditRefs.some((ref) => ref.id === a.id))
    .map((a) => {
      const items = a.details && "items" in a.details ? (a.details.items as { node?: { selector?: string; snippet?: string } }[]) : [];
      return { id: a.id, title: a.title, nodes: items.map((item) => item.node?.selector ?? item.node?.snippet ?? "").slice(0, 5) };
    });
  return {
    page: name,
    url: lhr.finalDisplayedUrl,
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    tbtMs: Math.round(metric(lhr, "total-blocking-time")),
    lcpMs: Math.round(metric(lhr, "largest-contentful-paint")),
    cls: Number(metric(lhr, "cumulative-layout-shift").toFixed(3)),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lighthouseVersion: lhr.lighthouseVersion,
    failingAccessibilityAudits: failing,
  };
}

function median<T>(values: T[], by: (value: T) => number): T {
  return [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
}

await assertPortFree(PORT);
await assertPortFree(CHROME_PORT);
const database = await openBenchDatabase();
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
const profile = mkdtempSync(path.join(os.tmpdir(), "lighthouse-chromium-"));
let server: ChildProcess | undefined;
let chromium: ChildProcess | undefined;
const stopAll = async () => {
  if (chromium) await stopProcessGroup(chromium);
  if (server) await stopProcessGroup(server);
  rmSync(profile, { recursive: true, force: true });
  await sql.end();
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));
process.on("SIGTERM", () => void stopAll().finally(() => process.exit(143)));

try {
  const env = await buildBenchServer(PORT, database.url);
  server = startBenchServer(PORT, env);
  await waitForServer(baseUrl, server, 60_000);
  const only = process.env.LIGHTHOUSE_PAGES?.split(",");
  const pages = (await storefrontPages(sql)).filter((page) => !only || only.includes(page.name));
  chromium = startGroup("/usr/bin/chromium", [...CHROME_FLAGS, `--remote-debugging-port=${CHROME_PORT}`, `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore" });
  await waitForServer(`http://127.0.0.1:${CHROME_PORT}/json/version`, chromium, 30_000);

  const loadBefore = os.loadavg();
  console.log(`lighthouse bench: ${database.products} products, ${RUNS} runs per page, load average ${loadBefore.map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const summaries = [];
  mkdirSync(path.join("bench", "results"), { recursive: true });
  for (const page of pages) {
    // The first request to a route compiles nothing in production, but warms the server's caches as a visitor would find them.
    await fetch(baseUrl + page.path);
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(baseUrl + page.path));
    const lhr = median(runs, (r) => score(r, "performance"));
    writeFileSync(path.join("bench", "results", `lighthouse-${page.name.replace(/\W+/g, "-")}.report.json`), JSON.stringify(lhr));
    const summary = {
      ...summarise(page.name, lhr),
      performanceRuns: runs.map((r) => score(r, "performance")),
      tbtRunsMs: runs.map((r) => Math.round(metric(r, "total-blocking-time"))),
    };
    summaries.push(summary);
    console.log(
      `${page.name.padEnd(10)} performance ${String(summary.performance).padStart(3)} (runs ${summary.performanceRuns.join(", ")}; TBT ${summary.tbtRunsMs.join(", ")} ms)  accessibility ${String(summary.accessibility).padStart(3)}  ` +
        `TBT ${summary.tbtMs} ms  LCP ${summary.lcpMs} ms  CLS ${summary.cls}  benchmark index ${summary.benchmarkIndex}  ${page.path}`,
    );
    for (const failing of summary.failingAccessibilityAudits) console.log(`    accessibility: ${failing.id} (${failing.title}): ${failing.nodes.join(" | ")}`);
  }

  const misses = summaries.filter((s) => s.accessibility < 100 || (PERFORMANCE_TARGET_PAGES.has(s.page) && s.performance < 90)).map((s) => s.page);
  const loadAfter = os.loadavg();
  console.log(`\ntargets (accessibility 100 everywhere, performance ≥ 90 on home, category, product): ${misses.length === 0 ? "met" : `missed on ${misses.join(", ")}`}`);
  console.log(`load average at the end ${loadAfter.map((n) => n.toFixed(2)).join(" ")}; median reports in bench/results/lighthouse-<page>.report.json`);
  const file = writeResults(summaries, {
    bench: "lighthouse",
    products: database.products,
    runsPerPage: RUNS,
    lighthouse: summaries[0]?.lighthouseVersion,
    chromium: execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(),
    commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
  });
  console.log(`written to ${file}`);
} finally {
  await stopAll();
}
