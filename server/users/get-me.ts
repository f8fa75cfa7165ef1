import type { ServiceContext } from "../context";
import { findUser } from "./find-user";
import type { SessionUser } from "./schemas";

export async function getMe(ctx: ServiceContext): Promise<SessionUser | null> {
  const { actor } = ctx;
  if (actor.type !== "shopper" && actor.type !== "admin") return null;
  return findUser(ctx, { id: actor.userId });
}
