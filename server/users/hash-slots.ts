import os from "node:os";

/**
 * Runs CPU-bound work (a password hash: tens of milliseconds of one core each) at most `slots` at a time, the rest
 * waiting in turn. With one core always left to everything else, a burst of sign-ins queues behind itself instead of
 * starving the pages being served beside it.
 */
export function slotted(slots: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function inSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running < slots) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` only falls when nobody waits.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export const inHashSlot = slotted(Math.max(1, os.availableParallelism() - 1));
