import { execFileSync, spawnSync } from "node:child_process";
import { databaseCpuMs } from "./checkout-cpu";

export type PgbenchResult =
  | { tps: number; transactions: number; clients: number; seconds: number; databaseCpuMsPerTransaction: number | null }
  | { skipped: string };

function pgbenchPath(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v pgbench"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Runs bench/pgbench-checkout.sql (its order paid too when `paid`) against the bench database; skipped (with the reason) when pgbench is not installed. */
export function runPgbench(
  url: string,
  options: { clients: number; seconds: number; vmin: number; vmax: number; warehouseId: number; databasePids: number[]; paid?: boolean },
): PgbenchResult {
  const pgbench = pgbenchPath();
  if (!pgbench) return { skipped: "pgbench is not installed (Debian: apt-get install postgresql-client)" };
  const args = [
    "-n", "-f", "bench/pgbench-checkout.sql",
    "-c", String(options.clients), "-j", String(options.clients), "-T", String(options.seconds),
    "-D", `vmin=${options.vmin}`, "-D", `vmax=${options.vmax}`, "-D", `wid=${options.warehouseId}`, "-D", `paid=${options.paid ? 1 : 0}`,
    url,
  ];
  const databaseBefore = databaseCpuMs(options.databasePids);
  const run = spawnSync(pgbench, args, { encoding: "utf8" });
  const databaseCpu = databaseCpuMs(options.databasePids) - databaseBefore;
  const tps = /tps = ([\d.]+)/.exec(run.stdout);
  const transactions = /number of transactions actually processed: (\d+)/.exec(run.stdout);
  if (run.status !== 0 || !tps) return { skipped: `pgbench failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" | ")}` };
  const count = Number(transactions?.[1] ?? 0);
  const databaseCpuMsPerTransaction = options.databasePids.length > 0 && count > 0 ? databaseCpu / count : null;
  return { tps: Number(tps[1]), transactions: count, clients: options.clients, seconds: options.seconds, databaseCpuMsPerTransaction };
}
