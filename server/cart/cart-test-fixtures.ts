import type { Db } from "@/db/client";
import type { Actor } from "../context";
import { createCaller } from "../trpc/root";

/**
 * A browser for the cart API: it keeps the guest cart cookie between calls (as the API route would set and send it)
 * and can sign in, so tests read like a shopper's visit. `cookie` starts it with a guest cart id already stored.
 */
export function browser(db: Db, actor: Actor = { type: "anonymous" }, cookie: string | null = null) {
  const state = { actor, guestCartId: cookie };
  const caller = () =>
    createCaller({
      db,
      actor: state.actor,
      guestCartId: state.guestCartId,
      setGuestCartId: (id) => {
        state.guestCartId = id;
      },
    });
  return {
    get cart() {
      return caller().cart;
    },
    get cookie() {
      return state.guestCartId;
    },
    signIn(userId: string) {
      state.actor = { type: "shopper", userId };
    },
  };
}
