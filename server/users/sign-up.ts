import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { conflict } from "../errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

const EMAIL_TAKEN = "An account with this email already exists";

/** Creates a shopper with a password. The unique index on lower(email) decides between two racing sign-ups. */
export async function signUp(ctx: ServiceContext, input: SignUpInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  const [created] = await ctx.db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
  return created;
}
