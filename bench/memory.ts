import { readFileSync } from "node:fs";
import { processTree } from "./cpu";

/** Peak resident memory so far (VmHWM) of a process and its live descendants, summed, in MB. */
export function peakRssMb(rootPid: number): number {
  const kb = processTree(rootPid).reduce((sum, p) => {
    try {
      return sum + Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return sum; // exited meanwhile
    }
  }, 0);
  return Math.round(kb / 1024);
}
