import type { Db } from "@/db/client";
import type { Actor } from "../context";
import { createCaller } from "../trpc/root";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

/**
 * A browser for the cart API: it keeps the guest cart cookie between calls (as the API route would set and send it)
 * and can sign in, so tests read like a shopper's visit. `cookie` starts it with a guest cart id already stored.
 */
/** The carrier every test browser quotes with: the simulator, without reading the environment. */
const carrier = createCarrierSimulator();

export function browser(db: Db, actor: Actor = { type: "anonymous" }, cookie: string | null = null) {
  const state = { actor, guestCartId: cookie };
  const caller = () =>
    createCaller({
      db,
      actor: state.actor,
      guestCartId: state.guestCartId,
      carrier,
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
