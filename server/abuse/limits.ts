import { RateLimiterDrizzle, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { RateLimited } from "../errors";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Points per window (seconds). Sign-in counts failures only: a correct password gives its point back. */
export const LIMITS = {
  signInAccount: { points: 10, duration: 15 * MINUTE },
  signInIp: { points: 100, duration: 15 * MINUTE },
  /** How many lockouts an account had in the last day: each one doubles the next (15 min, 30, 60, … at most a day). */
  signInLockouts: { points: 1_000_000, duration: 24 * HOUR },
  signUpIp: { points: 10, duration: HOUR },
  passwordResetEmail: { points: 3, duration: HOUR },
  passwordResetIp: { points: 20, duration: HOUR },
  verificationResend: { points: 3, duration: HOUR },
  emailChange: { points: 5, duration: HOUR },
  placeOrderCart: { points: 10, duration: 10 * MINUTE },
  placeOrderIp: { points: 60, duration: 10 * MINUTE },
} as const;
export type LimitName = keyof typeof LIMITS;

const limitersByDb = new WeakMap<Db, Map<LimitName, RateLimiterDrizzle>>();

/**
 * The limiter for `name` on this database's rate_limits table: every app instance on one database shares the counts.
 * Counters are written on the pool, never inside a caller's transaction, so a rolled-back request still counts.
 */
export function limiter(db: Db, name: LimitName): RateLimiterDrizzle {
  let limiters = limitersByDb.get(db);
  if (!limiters) limitersByDb.set(db, (limiters = new Map()));
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: name, ...LIMITS[name] });
    limiters.set(name, found);
  }
  return found;
}

const waitOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** rate-limiter-flexible rejects with its RateLimiterRes when the points run out, and with an Error when the store fails. */
function refusal(error: unknown): RateLimited {
  if (error instanceof Error) throw error;
  return new RateLimited(waitOf(error as RateLimiterRes));
}

/**
 * Takes one point from each named limit for its key (a null key, such as an unknown IP, is skipped: its result is null),
 * or throws RateLimited with the longest wait among those that ran out.
 */
export async function consumeLimits(
  db: Db,
  checks: ReadonlyArray<readonly [LimitName, string | null | undefined]>,
): Promise<Array<RateLimiterRes | null>> {
  const outcomes = await Promise.allSettled(checks.map(([name, key]) => (key ? limiter(db, name).consume(key) : null)));
  const refusals = outcomes.flatMap((o) => (o.status === "rejected" ? [refusal(o.reason)] : []));
  if (refusals.length) throw refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  return outcomes.map((o) => (o.status === "fulfilled" ? o.value : null));
}
