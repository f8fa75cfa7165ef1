// `npm run bench`: load-tests the production build on a 50,000-product catalogue and reports latency and CPU per request.
import { execFileSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import { assertPortFree, stopProcessGroup, waitForServer } from "../e2e/support/server-process";
import { childPidsNamed, processTree } from "./cpu";
import { peakRssMb } from "./memory";
import { standaloneStartMs } from "./standalone-start";
import { openBenchDatabase } from "./database";
import { measure, warmUp, type LoadOptions, type ScenarioResult } from "./measure";
import { formatTable, writeResults } from "./report";
import { buildBenchServer, DIST_DIR, startBenchServer } from "./production-server";
import { prepareScenarios } from "./scenarios";

const PORT = 3108;
const STANDALONE_PORT = 3139;
const baseUrl = `http://127.0.0.1:${PORT}`;
const options: LoadOptions = {
  baseUrl,
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
};

await assertPortFree(PORT);
await assertPortFree(STANDALONE_PORT);
const database = await openBenchDatabase();
let server: ChildProcess | undefined;
const stopAll = async () => {
  if (server) await stopProcessGroup(server);
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));
process.on("SIGTERM", () => void stopAll().finally(() => process.exit(143)));

try {
  const env = await buildBenchServer(PORT, database.url);

  server = startBenchServer(PORT, env);
  await waitForServer(baseUrl, server, 60_000);
  const { scenarios, searchTerms } = await prepareScenarios(baseUrl);
  const pids = { server: [server.pid!], database: database.embedded ? childPidsNamed("postgres") : [] };
  console.log(`server processes: ${processTree(server.pid!).map((p) => `${p.comm} (${p.pid})`).join(", ")}`);
  console.log(`${options.connections} connections, ${options.durationSeconds} s per scenario; search terms: ${searchTerms.join(" | ")}`);

  for (const scenario of scenarios) await warmUp(scenario, options);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    results.push(await measure(scenario, options, pids));
    console.log(`  ${scenario.name}: done`);
  }

  const peakMb = peakRssMb(server.pid!);
  await stopProcessGroup(server);
  server = undefined;
  const startMs = await standaloneStartMs(DIST_DIR, STANDALONE_PORT, env);

  console.log(`\n${formatTable(results)}\n`);
  console.log(`server peak resident memory during the catalogue run: ${peakMb} MB (target under 300 MB)`);
  console.log(`standalone server (node server.js) from start to ready: ${startMs === null ? "n/a (no standalone output)" : `${startMs} ms`} (target under 2,000 ms)`);
  const file = writeResults(results, {
    products: database.products,
    database: database.embedded ? "embedded" : "DATABASE_URL",
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    searchTerms,
    peakRssMb: peakMb,
    standaloneStartMs: startMs,
    commit: execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
    node: process.version,
    cpus: os.cpus().length,
  });
  console.log(`written to ${file}`);
} finally {
  await stopAll();
}
