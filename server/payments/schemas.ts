import { z } from "zod";

/** An order's payment, for its owner or for a guest holding the order link's token. */
export const PaymentOrderInput = z
  .object({
    orderId: z.uuid(),
    accessToken: z.string().max(200).optional(),
  })
  .strict();
export type PaymentOrderInput = z.infer<typeof PaymentOrderInput>;
