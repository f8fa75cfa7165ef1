import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import type { SessionUser } from "./schemas";

export const sessionUserColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/** The user as the session shows them, read fresh (role included); null when the user no longer exists. */
export async function findUser(ctx: ServiceContext, input: { id: string }): Promise<SessionUser | null> {
  const [user] = await ctx.db.select(sessionUserColumns).from(users).where(eq(users.id, input.id));
  return user ?? null;
}

/** The user with their session version, for the session callback: a token carrying another version is signed out. */
export async function findSessionUser(ctx: ServiceContext, input: { id: string }): Promise<(SessionUser & { sessionVersion: number }) | null> {
  const [user] = await ctx.db
    .select({ ...sessionUserColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, input.id));
  return user ?? null;
}
