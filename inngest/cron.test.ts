import { describe, expect, it } from "vitest";
import { cronIntervalMs } from "./cron";

describe("cronIntervalMs", () => {
  it("reads every minute, every n minutes and on the hour", () => {
    expect(cronIntervalMs("* * * * *")).toBe(60_000);
    expect(cronIntervalMs("*/5 * * * *")).toBe(5 * 60_000);
    expect(cronIntervalMs(" 0 * * * * ")).toBe(60 * 60_000);
  });

  it("refuses schedules it cannot keep rather than running them at the wrong times", () => {
    for (const schedule of ["30 * * * *", "0 0 * * *", "*/0 * * * *", "0 * * *", "@hourly"]) {
      expect(() => cronIntervalMs(schedule), schedule).toThrow(/supports/);
    }
  });
});
