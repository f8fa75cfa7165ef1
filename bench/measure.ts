import autocannon from "autocannon";
import { cpuMs } from "./cpu";
import type { Scenario } from "./scenarios";

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
}

export interface ScenarioResult {
  scenario: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  serverCpuMsPerRequest: number;
  /** Embedded PostgreSQL's CPU per request; null when the database runs elsewhere (DATABASE_URL). */
  databaseCpuMsPerRequest: number | null;
}

function load(scenario: Scenario, options: LoadOptions): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: scenario.paths[next++ % scenario.paths.length] }),
      },
    ],
  });
}

const WARM_WINDOW_SECONDS = 5;
const WARM_MAX_SECONDS = 120;

/**
 * An unmeasured run, so the JIT, Next's route modules and PostgreSQL's caches are warm before measuring. Every path
 * is fetched once first: pages served from Next's cache are rendered on their first request. With `atLeast`, load goes on
 * until that many requests have been answered (or two minutes have passed): a fresh server spent twice its steady CPU
 * per typo search over its first ~4,000 of them (JIT compilation, heap growth). Returns the requests answered.
 */
export async function warmUp(scenario: Scenario, options: LoadOptions, atLeast = 0): Promise<number> {
  for (let i = 0; i < scenario.paths.length; i += options.connections) {
    await Promise.all(scenario.paths.slice(i, i + options.connections).map((path) => fetch(new URL(path, options.baseUrl)).then((r) => r.arrayBuffer())));
  }
  let result = await load(scenario, { ...options, durationSeconds: Math.min(3, options.durationSeconds) });
  // Nothing came back at all (a million-product catalogue on a loaded machine answers in seconds): run the full duration.
  if (result["2xx"] + result.non2xx + result.errors === 0) result = await load(scenario, options);
  // Only timeouts: too slow rather than broken, so it is measured anyway and its timeouts show in the errors column.
  if (result["2xx"] === 0 && result.non2xx === 0 && result.errors > 0) {
    console.warn(`${scenario.name}: every warm-up request timed out (${result.errors}); measuring anyway`);
    return 0;
  }
  if (result["2xx"] === 0) throw new Error(`${scenario.name}: no successful response while warming up (${result.non2xx} non-2xx, ${result.errors} errors)`);
  let answered = result.requests.total;
  for (let seconds = 0; answered < atLeast && seconds < WARM_MAX_SECONDS; seconds += WARM_WINDOW_SECONDS) {
    answered += (await load(scenario, { ...options, durationSeconds: WARM_WINDOW_SECONDS })).requests.total;
  }
  return answered;
}

export async function measure(scenario: Scenario, options: LoadOptions, pids: { server: number[]; database: number[] }): Promise<ScenarioResult> {
  const serverBefore = cpuMs(pids.server);
  const databaseBefore = cpuMs(pids.database);
  const result = await load(scenario, options);
  const serverCpu = cpuMs(pids.server) - serverBefore;
  const databaseCpu = cpuMs(pids.database) - databaseBefore;
  const requests = result.requests.total;
  const perRequest = (ms: number) => (requests > 0 ? ms / requests : 0);
  return {
    scenario: scenario.name,
    requests,
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
    serverCpuMsPerRequest: perRequest(serverCpu),
    databaseCpuMsPerRequest: pids.database.length > 0 ? perRequest(databaseCpu) : null,
  };
}
