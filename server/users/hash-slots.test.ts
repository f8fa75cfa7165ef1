import { describe, expect, it } from "vitest";
import { slotted } from "./hash-slots";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("slotted", () => {
  it("runs at most its slots at once, every job in turn, and frees a slot when a job fails", async () => {
    const inSlot = slotted(2);
    let running = 0;
    let most = 0;
    const job = (i: number) =>
      inSlot(async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        if (i === 3) throw new Error("job 3 failed");
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => job(i)));
    expect(most).toBe(2);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([0, 1, 2, "failed", 4, 5, 6, 7, 8, 9]);
    expect(await job(10)).toBe(10);
  });
});
