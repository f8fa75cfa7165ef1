import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpuMs } from "./cpu";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** cutime + cstime: the CPU of children that have exited and been waited for, in ms. */
function reapedChildrenMs(pid: number): number {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * The database's CPU so far: its live processes (cpuMs) plus the backends that have already exited, which the
 * postmaster reaped (pgbench's connections end with the run, before the reading after it).
 */
export function databaseCpuMs(postmasterPids: number[]): number {
  return cpuMs(postmasterPids) + postmasterPids.reduce((sum, pid) => sum + reapedChildrenMs(pid), 0);
}
