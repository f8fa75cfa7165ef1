import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits, LIMITS, limiter } from "../abuse/limits";
import type { ServiceContext } from "../context";
import { sessionUserColumns } from "./find-user";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import type { SessionUser, SignInInput } from "./schemas";

const FIRST_LOCKOUT_SECONDS = 15 * 60;
const LONGEST_LOCKOUT_SECONDS = 24 * 60 * 60;

/**
 * The user whose email and password these are, or null. Every attempt first takes a point from the account's and the
 * IP's failure counts (atomically in PostgreSQL, so parallel guesses cannot slip past) and throws RateLimited when either
 * has run out, right password or not; a correct password gives the points back. The attempt that uses up an account's
 * allowance locks it for 15 minutes, doubling with each lockout that day. Unknown emails cost one hash check too.
 */
export async function verifyCredentials(ctx: ServiceContext, input: SignInInput & { ip?: string | null }): Promise<SessionUser | null> {
  const db = ctx.db as Db;
  const [account] = await consumeLimits(db, [
    ["signInAccount", input.email],
    ["signInIp", input.ip],
  ]);
  const [row] = await ctx.db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email));
  const matches = await verifyPassword(input.password, row?.passwordHash);
  if (!row || !matches) {
    if (account!.consumedPoints === LIMITS.signInAccount.points) await lockOut(db, input.email);
    return null;
  }
  await Promise.all([limiter(db, "signInAccount").delete(input.email), input.ip && limiter(db, "signInIp").reward(input.ip, 1)]);
  if (needsRehash(row.passwordHash!)) {
    const upgraded = await hashPassword(input.password);
    await ctx.db
      .update(users)
      .set({ passwordHash: upgraded })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash!)));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

async function lockOut(db: Db, email: string): Promise<void> {
  const { consumedPoints: lockouts } = await limiter(db, "signInLockouts").consume(email);
  const seconds = Math.min(FIRST_LOCKOUT_SECONDS * 2 ** (lockouts - 1), LONGEST_LOCKOUT_SECONDS);
  await limiter(db, "signInAccount").block(email, seconds);
}
