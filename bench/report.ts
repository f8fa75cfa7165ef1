import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ScenarioResult } from "./measure";

const COLUMNS: { title: string; value: (r: ScenarioResult) => string }[] = [
  { title: "scenario", value: (r) => r.scenario },
  { title: "req/s", value: (r) => r.requestsPerSecond.toFixed(1) },
  { title: "p50 ms", value: (r) => r.p50Ms.toFixed(1) },
  { title: "p99 ms", value: (r) => r.p99Ms.toFixed(1) },
  { title: "errors", value: (r) => String(r.errors) },
  { title: "server CPU ms/req", value: (r) => r.serverCpuMsPerRequest.toFixed(2) },
  { title: "db CPU ms/req", value: (r) => (r.databaseCpuMsPerRequest === null ? "n/a" : r.databaseCpuMsPerRequest.toFixed(2)) },
];

export function formatTable(results: ScenarioResult[]): string {
  const rows = [COLUMNS.map((c) => c.title), ...results.map((r) => COLUMNS.map((c) => c.value(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** Writes bench/results/<ISO timestamp>.json and returns its path. */
export function writeResults(results: readonly object[], meta: Record<string, unknown>): string {
  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `${startedAt.replace(/:/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, ...meta, results }, null, 2) + "\n");
  return file;
}
