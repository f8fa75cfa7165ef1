import { appDb } from "../db";
import { currentActor } from "../auth/session";
import type { TrpcContext } from "./init";

/** The per-request context: the shared pool and the actor read from the next-auth session cookie. */
export async function createTrpcContext(): Promise<TrpcContext> {
  return { db: appDb(), actor: await currentActor() };
}
