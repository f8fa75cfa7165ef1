import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { signedInUser } from "../notifications/get-preferences";
import type { UpdateProfileInput } from "./schemas";

export interface Profile {
  name: string | null;
  email: string;
  phone: string | null;
  emailVerified: boolean;
  hasPassword: boolean;
}

const profileColumns = { name: users.name, email: users.email, phone: users.phone, emailVerified: users.emailVerified, passwordHash: users.passwordHash };

function toProfile(row: { name: string | null; email: string; phone: string | null; emailVerified: Date | null; passwordHash: string | null }): Profile {
  return { name: row.name, email: row.email, phone: row.phone, emailVerified: row.emailVerified !== null, hasPassword: row.passwordHash !== null };
}

export async function getProfile(ctx: ServiceContext): Promise<Profile> {
  const [row] = await ctx.db.select(profileColumns).from(users).where(eq(users.id, signedInUser(ctx)));
  if (!row) throw notFound("Account");
  return toProfile(row);
}

export async function updateProfile(ctx: ServiceContext, input: UpdateProfileInput): Promise<Profile> {
  const [row] = await ctx.db.update(users).set({ name: input.name, phone: input.phone }).where(eq(users.id, signedInUser(ctx))).returning(profileColumns);
  if (!row) throw notFound("Account");
  return toProfile(row);
}
