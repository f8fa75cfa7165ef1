import { sql, type SQL } from "drizzle-orm";

export const DASHBOARD_PERIODS = { today: 1, "7d": 7, "30d": 30 } as const;
export type DashboardPeriod = keyof typeof DASHBOARD_PERIODS;

/**
 * A CTE `windows(period, cur_start, cur_end, prev_start, prev_end)`: each period is the last N days of the shop's calendar
 * (today included, so far), and the previous period the same span N days earlier, compared up to the same time of day.
 * Days are counted on wall-clock dates in `timeZone`, so a period spans whole local days across a DST change.
 */
export function windowsCte(timeZone: string): SQL {
  const periods = sql.join(
    Object.entries(DASHBOARD_PERIODS).map(([name, days]) => sql`(${name}::text, ${days}::int)`),
    sql`, `,
  );
  return sql`
    windows as (
      select p.period,
             ((l.today - (p.days - 1))::timestamp at time zone ${timeZone}::text) as cur_start,
             now() as cur_end,
             ((l.today - (2 * p.days - 1))::timestamp at time zone ${timeZone}::text) as prev_start,
             ((l.local_now - p.days * interval '1 day') at time zone ${timeZone}::text) as prev_end
        from (values ${periods}) as p(period, days)
        cross join (select (now() at time zone ${timeZone}::text)::date as today, now() at time zone ${timeZone}::text as local_now) l
    )`;
}
