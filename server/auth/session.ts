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
  return { type: user.role, userId: user.id };
}
