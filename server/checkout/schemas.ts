import { z } from "zod";

/** The client names only its cart: prices, totals, currency, owner and status are the server's to decide. */
export const PlaceOrderInput = z.strictObject({ cartId: z.uuid() });
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

export type OrderStatus = "pending" | "paid" | "cancelled" | "refunded";
