import type { ShippingAddress } from "@/db/schema/orders";

/** What goes in the box, as we measure it; adapters convert to the carrier's units (EasyPost: ounces and inches). */
export interface Parcel {
  weightGrams: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
}

/** One way to send a parcel, priced in integer minor units of the currency the quote asked for. */
export interface Rate {
  id: string;
  carrierShipmentId: string;
  carrier: string;
  service: string;
  amount: number;
  currency: string;
  /** Business days in transit as the carrier estimates them; null when it gives none. */
  deliveryDays: number | null;
  estimatedDeliveryDate?: string;
}

/** The carrier's shipment (EasyPost's Shipment): one per parcel and quote; it buys at most one label. */
export interface Quote {
  carrierShipmentId: string;
  rates: Rate[];
}

/** A bought label. `labelUrl` is null with the simulator: our own label renderer draws its labels. */
export interface Label {
  id: string;
  carrierShipmentId: string;
  rateId: string;
  carrier: string;
  service: string;
  trackingCode: string;
  labelUrl: string | null;
}

/** EasyPost's refund_status of a shipment whose label was voided. */
export type RefundStatus = "submitted" | "refunded" | "rejected" | "not_applicable";

export interface VoidedLabel {
  carrierShipmentId: string;
  refundStatus: RefundStatus;
}

/** A tracker's status, exactly as EasyPost names them (it also answers "unknown" before a carrier has said anything). */
export const TRACKER_STATUSES = [
  "unknown",
  "pre_transit",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "available_for_pickup",
  "return_to_sender",
  "failure",
  "cancelled",
  "error",
] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** One scan of the parcel (EasyPost's TrackingDetail). */
export interface TrackingDetail {
  status: TrackerStatus;
  statusDetail: string;
  message: string;
  datetime: string;
  city?: string;
  country?: string;
}

export interface Tracker {
  id: string;
  trackingCode: string;
  carrier: string;
  status: TrackerStatus;
  statusDetail: string | null;
  estimatedDeliveryDate: string | null;
  publicUrl: string | null;
  details: TrackingDetail[];
}

/**
 * The port every carrier adapter implements: EasyPost over its REST API, or the carrier simulator.
 * Errors: DomainError Invalid (with per-field messages keyed "to.postalCode") for an address or parcel the carrier
 * rejects, NotFound for an unknown shipment or rate, Conflict for a label that cannot be bought or voided as asked;
 * ShippingProviderError when the carrier could not be reached or failed.
 */
export interface Carrier {
  name: "easypost" | "simulator";
  /**
   * `reference`: our own name for the parcel (the carrier keeps it on its shipment). `isReturn` (EasyPost's is_return):
   * a return label for the parcel `from` sent `to`, which the carrier addresses the other way round.
   */
  quoteRates(input: { from: ShippingAddress; to: ShippingAddress; parcel: Parcel; currency: string; reference: string; isReturn?: boolean }): Promise<Quote>;
  /**
   * Buys the label for one of the shipment's rates. Asking again for the same shipment and rate answers the label
   * already bought and buys nothing; another rate once one is bought is a Conflict. `idempotencyKey`
   * (labelIdempotencyKey) is how the simulator names what it sells; EasyPost takes no idempotency key, and its adapter
   * relies on one label per EasyPost shipment instead.
   */
  buyLabel(input: { carrierShipmentId: string; rateId: string; idempotencyKey: string }): Promise<Label>;
  /** Voids the shipment's label and asks for the postage back; voiding again answers the same. A voided shipment buys no new label: quote again. */
  voidLabel(carrierShipmentId: string): Promise<VoidedLabel>;
  createTracker(input: { trackingCode: string; carrier: string }): Promise<Tracker>;
}

/**
 * The carrier could not be reached or failed. `refused`: it answered no (asking again the same way gets the same no);
 * otherwise the outcome is unknown and the call may be retried as is.
 */
export class ShippingProviderError extends Error {
  readonly refused: boolean;

  constructor(
    readonly carrier: Carrier["name"],
    readonly operation: string,
    message: string,
    options?: { cause?: unknown; refused?: boolean },
  ) {
    super(`Carrier ${carrier} failed to ${operation}: ${message}`, options);
    this.name = "ShippingProviderError";
    this.refused = options?.refused ?? false;
  }
}

/** The key of one label purchase for one of our shipments; `attempt` grows when a voided label is bought again. */
export const labelIdempotencyKey = (shipmentId: string, attempt = 1) => `shipment-${shipmentId}-label-${attempt}`;
