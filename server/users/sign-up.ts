import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeLimits } from "../abuse/limits";
import type { ServiceContext } from "../context";
import { conflict } from "../errors";
import { hashPassword } from "./password";
import { assertUncommonPassword } from "./password-policy";
import type { SignUpInput } from "./schemas";
import { sendEmailVerification } from "./email-verification";

const EMAIL_TAKEN = "An account with this email already exists";

/**
 * Creates a shopper with a password and sends the link that verifies their email. Limited per IP; a taken email or a
 * common password is refused before the (deliberately slow) hash. The unique index on lower(email) decides between
 * two racing sign-ups.
 */
export async function signUp(ctx: ServiceContext, input: SignUpInput & { ip?: string | null }): Promise<{ id: string }> {
  await consumeLimits(ctx.db as Db, [["signUpIp", input.ip]]);
  const [taken] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email));
  if (taken) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  assertUncommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const [created] = await ctx.db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  await sendEmailVerification(ctx, { userId: created.id });
  return created;
}
