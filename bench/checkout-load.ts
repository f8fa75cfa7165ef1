import { databaseCpuMs } from "./checkout-cpu";
import type { ScenarioResult } from "./measure";

/** One buyer's iteration: resolves with the measured latency in ms, or null when there is no more work; a throw counts as an error. */
export type Iteration = (buyer: number) => Promise<number | null>;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * `concurrency` buyers each repeat `iteration` until `durationMs` has passed (an iteration in flight finishes).
 * CPU is this process's (process.cpuUsage: the shop code, the runner and the webhook handling) and, when the
 * database is embedded, its postgres processes' (/proc).
 */
export async function runLoad(
  scenario: string,
  options: { concurrency: number; durationMs: number; databasePids: number[] },
  iteration: Iteration,
): Promise<ScenarioResult & { firstErrors: string[] }> {
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const databaseBefore = databaseCpuMs(options.databasePids);
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, buyer) => {
      while (performance.now() < deadline) {
        try {
          const latency = await iteration(buyer);
          if (latency === null) return;
          latencies.push(latency);
        } catch (error) {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const databaseCpu = databaseCpuMs(options.databasePids) - databaseBefore;
  const done = Math.max(latencies.length, 1);
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
    serverCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / done,
    databaseCpuMsPerRequest: options.databasePids.length > 0 ? databaseCpu / done : null,
    firstErrors,
  };
}
