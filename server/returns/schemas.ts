import { z } from "zod";
import { returnStatus } from "@/db/schema";
import { INT4_MAX } from "../limits";

/** A shopper's own order, or a guest's through its signed link. */
const OrderAccess = { orderId: z.uuid(), accessToken: z.string().max(200).optional() };

export const RequestReturnInput = z
  .object({
    ...OrderAccess,
    /** Made by the shopper's form when it opens: the same request sent again finds the return it made. */
    returnId: z.uuid(),
    reason: z.string().trim().min(1, "Tell us why you are returning these items").max(500),
    lines: z
      .array(z.object({ orderLineId: z.int().positive().max(INT4_MAX), quantity: z.int().positive().max(INT4_MAX) }).strict())
      .min(1, "Choose at least one item to return")
      .max(100)
      .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, "Each item once"),
  })
  .strict();
export type RequestReturnInput = z.infer<typeof RequestReturnInput>;

export const OrderReturnsInput = z.object(OrderAccess).strict();
export type OrderReturnsInput = z.infer<typeof OrderReturnsInput>;

export const AdminOrderReturnsInput = z.object({ orderId: z.uuid() }).strict();
export const AdminReturnInput = z.object({ returnId: z.uuid() }).strict();
export type AdminReturnInput = z.infer<typeof AdminReturnInput>;

export const AdminRejectReturnInput = z
  .object({ returnId: z.uuid(), reason: z.string().trim().min(1, "Tell the shopper why this return is refused").max(500) })
  .strict();
export type AdminRejectReturnInput = z.infer<typeof AdminRejectReturnInput>;

export const ReturnListStatus = z.enum(returnStatus.enumValues);

export const AdminListReturnsInput = z
  .object({
    status: ReturnListStatus.default("requested"),
    page: z.int().min(1).max(10_000).default(1),
  })
  .strict();
export type AdminListReturnsInput = z.infer<typeof AdminListReturnsInput>;

/** A return's label, for its shopper or whoever holds the order's signed link. */
export const ReturnLabelInput = z.object({ orderId: z.uuid(), returnId: z.uuid(), accessToken: z.string().max(200).optional() }).strict();
export type ReturnLabelInput = z.infer<typeof ReturnLabelInput>;

export const AdminRefundReturnInput = z
  .object({
    returnId: z.uuid(),
    /** Whether each line's units go back on sale in the warehouse that sent them; every line of the return, once. */
    restock: z
      .array(z.object({ shipmentId: z.uuid(), orderLineId: z.int().positive().max(INT4_MAX), restock: z.boolean() }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export type AdminRefundReturnInput = z.infer<typeof AdminRefundReturnInput>;
