/** The interval of the cron schedules the in-process runner understands: every minute, or every n minutes. */
export function cronIntervalMs(schedule: string): number {
  const [minute, ...rest] = schedule.trim().split(/\s+/);
  const everyN = /^\*\/([1-9]\d*)$/.exec(minute ?? "");
  if (rest.length !== 4 || rest.some((field) => field !== "*") || !(minute === "*" || everyN)) {
    throw new Error(`the in-process runner supports "* * * * *" and "*/n * * * *" only, not "${schedule}"`);
  }
  return (everyN ? Number(everyN[1]) : 1) * 60_000;
}
