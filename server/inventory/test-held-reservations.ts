import type { Db } from "@/db/client";
import { insertPendingOrder } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { commitStock } from "./commit-stock";
import { releaseStock, reserveStock } from "./reserve-stock";

type Line = { variantId: number; quantity: number };

/**
 * The reservations one random test worker holds: `reserve` places a pending order and reserves its lines, `settle`
 * commits or releases one held at random and says false when none is held.
 */
export function heldReservations(db: Db, ctx: ServiceContext, reason: string) {
  const held: string[] = [];
  return {
    async reserve(lines: Line[]): Promise<void> {
      const orderId = await insertPendingOrder(db);
      await reserveStock(ctx, { orderId, expiresAt: new Date(Date.now() + 60_000), lines });
      held.push(orderId);
    },
    async settle(kind: "commit" | "release"): Promise<boolean> {
      const orderId = held.splice(Math.floor(Math.random() * held.length), 1)[0];
      if (!orderId) return false;
      if (kind === "commit") await commitStock(ctx, { orderId });
      else await releaseStock(ctx, { orderId, reason });
      return true;
    },
  };
}
