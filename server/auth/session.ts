// PLACEHOLDER until the auth work lands: everyone is anonymous.
import type { Actor } from "../context";
export async function currentActor(): Promise<Actor> {
  return { type: "anonymous" };
}
