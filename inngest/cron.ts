/** The interval of the cron schedules the in-process runner understands: every minute, every n minutes, or hourly ("0 * * * *"). */
export function cronIntervalMs(schedule: string): number {
  const [minute, ...rest] = schedule.trim().split(/\s+/);
  const everyN = /^\*\/([1-9]\d*)$/.exec(minute ?? "");
  if (rest.length !== 4 || rest.some((field) => field !== "*") || !(minute === "*" || minute === "0" || everyN)) {
    throw new Error(`the in-process runner supports "* * * * *", "*/n * * * *" and "0 * * * *" only, not "${schedule}"`);
  }
  if (minute === "0") return 60 * 60_000;
  return (everyN ? Number(everyN[1]) : 1) * 60_000;
}
