import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { sessionUserColumns } from "./find-user";
import { verifyPassword } from "./password";
import type { SessionUser, SignInInput } from "./schemas";

/** The user whose email and password these are, or null; unknown emails cost one bcrypt compare too. */
export async function verifyCredentials(ctx: ServiceContext, input: SignInInput): Promise<SessionUser | null> {
  const [row] = await ctx.db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
  const matches = await verifyPassword(input.password, row?.passwordHash);
  if (!row || !matches) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
