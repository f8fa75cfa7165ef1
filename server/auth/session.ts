import { getServerSession } from "next-auth/next";
import { cache } from "react";
import type { Actor } from "../context";
import type { SessionUser } from "../users/schemas";
import { authOptions } from "./options";

/** The signed-in user from the next-auth session (server components and route handlers), once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  return session?.user ?? null;
});

export async function currentActor(): Promise<Actor> {
  const user = await currentUser();
  if (!user) return { type: "anonymous" };
  if (user.role === "shopper") return { type: "shopper", userId: user.id };
  // Staff work in the admin area as admin actors whose role withholds refunds, prices and the audit log.
  return { type: "admin", userId: user.id, role: user.role };
}
