import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in clock ticks */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name sits in parentheses and may contain spaces, so split after the last ')'.
    const close = raw.lastIndexOf(")");
    const fields = raw.slice(close + 2).split(" ");
    return { pid, ppid: Number(fields[1]), comm: raw.slice(raw.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // exited meanwhile
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

/** The process `rootPid` and every live descendant of it. */
export function processTree(rootPid: number): ProcStat[] {
  const processes = allProcesses();
  const tree = processes.filter((p) => p.pid === rootPid);
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i]!.pid;
    tree.push(...processes.filter((p) => p.ppid === parent));
  }
  return tree;
}

/** CPU time (user + system) used so far by the given processes and their live descendants, in milliseconds. */
export function cpuMs(rootPids: number[]): number {
  const ticks = rootPids.flatMap(processTree).reduce((sum, p) => sum + p.ticks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** PIDs of this process's direct children whose command name is `comm` (e.g. the embedded postgres server). */
export function childPidsNamed(comm: string): number[] {
  return allProcesses()
    .filter((p) => p.ppid === process.pid && p.comm === comm)
    .map((p) => p.pid);
}
