import { z } from "zod";
import type { ShippingAddress } from "@/db/schema";
import { INT4_MAX, MAX_CHARGE_AMOUNT } from "../limits";
import type { OrderMessage } from "../notifications/list-order-messages";
import type { FulfilmentStatus } from "../shipping/fulfilment-status";
import type { ShipmentView } from "../shipping/shipment-queries";

export const OrderStatus = z.enum(["pending", "paid", "cancelled", "refunded"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const PaymentStatus = z.enum(["awaiting", "processing", "succeeded", "failed", "cancelled", "refunded", "partially_refunded"]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

const page = z.int().min(1).max(10_000).default(1);

/** A shopper's own order, or a guest's through the signed link (`?token=`). */
export const GetOrderInput = z
  .object({
    orderId: z.uuid(),
    accessToken: z.string().max(200).optional(),
  })
  .strict();
export type GetOrderInput = z.infer<typeof GetOrderInput>;

export const ListMyOrdersInput = z
  .object({
    page,
    pageSize: z.int().min(1).max(50).default(20),
  })
  .strict();
export type ListMyOrdersInput = z.infer<typeof ListMyOrdersInput>;

export const AdminListOrdersInput = z
  .object({
    status: OrderStatus.optional(),
    /** An order number (with or without "#") or part of the buyer's email. */
    q: z.string().trim().max(200).optional(),
    page,
    pageSize: z.int().min(1).max(100).default(25),
  })
  .strict();
export type AdminListOrdersInput = z.infer<typeof AdminListOrdersInput>;

export const AdminOrderIdInput = z.object({ orderId: z.uuid() }).strict();
export type AdminOrderIdInput = z.infer<typeof AdminOrderIdInput>;

export const AdminCancelOrderInput = z
  .object({
    orderId: z.uuid(),
    reason: z.string().trim().min(1, { error: "Give a reason" }).max(200, { error: "Use at most 200 characters" }).optional(),
    /** A paid order's cancellation: email the customer about it and its refund (yes unless told). An unpaid order's customer is always told. */
    notifyCustomer: z.boolean().optional(),
  })
  .strict();
export type AdminCancelOrderInput = z.infer<typeof AdminCancelOrderInput>;

export const RefundLineInput = z
  .object({
    orderLineId: z.int().positive().max(INT4_MAX),
    quantity: z.int({ error: "Enter a whole number" }).positive({ error: "Enter at least 1" }).max(INT4_MAX),
    /** Put the units back on sale, in the warehouse the order took them from. */
    restock: z.boolean(),
  })
  .strict();

/** A refund from the order page: some lines (each with its restock choice) or an amount, never both. */
export const AdminRefundInput = z
  .object({
    orderId: z.uuid(),
    /** Made when the form opened and kept until it succeeds: the same key twice refunds once. */
    refundId: z.uuid(),
    lines: z.array(RefundLineInput).min(1).max(100).optional(),
    amount: z.int({ error: "Enter a whole amount in minor units" }).positive({ error: "Enter an amount above zero" }).max(MAX_CHARGE_AMOUNT).optional(),
    reason: z.string().trim().max(200, { error: "Use at most 200 characters" }).optional(),
    /** Email the customer about this refund (the refund-issued message). */
    notifyCustomer: z.boolean(),
  })
  .strict()
  .refine((input) => (input.lines === undefined) !== (input.amount === undefined), { error: "Choose lines to refund or an amount, not both", path: ["lines"] });
export type AdminRefundInput = z.infer<typeof AdminRefundInput>;

export const AdminAddOrderNoteInput = z
  .object({ orderId: z.uuid(), body: z.string().trim().min(1, { error: "Write a note" }).max(2000, { error: "Use at most 2000 characters" }) })
  .strict();
export type AdminAddOrderNoteInput = z.infer<typeof AdminAddOrderNoteInput>;

export interface OrderLineView {
  variantId: number;
  sku: string;
  productTitle: string;
  variantTitle: string;
  /** Null while the product is not on sale; the line keeps its own snapshot. */
  productSlug: string | null;
  unitAmount: number;
  quantity: number;
  lineAmount: number;
}

export interface OrderEventView {
  id: number;
  type: string;
  detail: string | null;
  createdAt: Date;
}

export interface OrderSummary {
  id: string;
  number: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfilmentStatus: FulfilmentStatus | null;
  totalAmount: number;
  currency: string;
  placedAt: Date;
  itemCount: number;
}

export interface OrderView extends OrderSummary {
  email: string;
  subtotalAmount: number;
  shippingAmount: number;
  refundedAmount: number;
  shippingAddress: ShippingAddress;
  shippingMethod: string;
  reservationExpiresAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  lines: OrderLineView[];
  /** Oldest first. */
  timeline: OrderEventView[];
}

/** The order page's view: the order, and how its shopper may still pay it. */
export interface ShopperOrderView extends OrderView {
  /** "Pay now": the pay page while the order takes a payment (a guest's link carries a token that ends with the hold), else null. */
  payPath: string | null;
  /** The decline code of the last card tried, while the payment stands declined. */
  declineReason: string | null;
  /** Still pending, but the hold on its items has ended: the order is about to be cancelled. */
  holdEnded: boolean;
  /** The messages sent to the shopper about this order, oldest first. */
  messages: OrderMessage[];
  /** Its parcels (not the cancelled ones), oldest first, with carrier, tracking, timeline and expected date. */
  shipments: Omit<ShipmentView, "parentId" | "warehouse" | "weightGrams" | "hasLabel">[];
}
