import { z } from "zod";
import { INT4_MAX } from "../limits";

export const ShipmentIdInput = z.object({ shipmentId: z.uuid() }).strict();
export type ShipmentIdInput = z.infer<typeof ShipmentIdInput>;

/** Ship these quantities now, in a shipment of their own; the rest stays in the shipment for later. */
export const SplitShipmentInput = z
  .object({
    shipmentId: z.uuid(),
    lines: z
      .array(z.object({ orderLineId: z.int().min(1).max(INT4_MAX), quantity: z.int().min(1, { error: "Ship at least one" }).max(INT4_MAX) }).strict())
      .min(1, { error: "Choose what ships now" })
      .max(200)
      .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, { error: "Each line once" }),
  })
  .strict();
export type SplitShipmentInput = z.infer<typeof SplitShipmentInput>;

/** A parcel sent with another carrier's label. */
export const MarkShippedInput = z
  .object({
    shipmentId: z.uuid(),
    carrier: z.string().trim().min(1, { error: "Name the carrier" }).max(100, { error: "Use at most 100 characters" }),
    trackingCode: z
      .string()
      .trim()
      .min(3, { error: "Enter the tracking number" })
      .max(64, { error: "Use at most 64 characters" })
      .regex(/^[A-Za-z0-9-]+$/, { error: "Letters, digits and dashes only" }),
    trackingUrl: z.url({ protocol: /^https?$/, error: "An http(s) link" }).max(500).optional(),
  })
  .strict();
export type MarkShippedInput = z.infer<typeof MarkShippedInput>;

export const ShippingSettingsInput = z.object({ autoBuyLabels: z.boolean() }).strict();
export type ShippingSettingsInput = z.infer<typeof ShippingSettingsInput>;

export const ShipmentDocumentInput = z.object({ shipmentId: z.uuid(), document: z.enum(["label", "packing-slip"]) }).strict();
