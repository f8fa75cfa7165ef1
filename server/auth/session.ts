import { getServerSession } from "next-auth/next";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "../context";
import type { SessionUser } from "../users/schemas";
import { authOptions } from "./options";

/** next-auth's session cookie, plain or __Secure- (on https), whole or in chunks (.0, .1…) when it outgrows 4 KB. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export const hasSessionCookie = (cookieNames: Iterable<string>) => [...cookieNames].some((name) => SESSION_COOKIE.test(name));

/**
 * The signed-in user from the next-auth session (server components and route handlers), once per request. Most
 * storefront requests carry no session cookie: they are anonymous without running next-auth's session handler.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  if (!hasSessionCookie((await cookies()).getAll().map((c) => c.name))) return null;
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
