import type { shipmentStatus } from "@/db/schema";
import type { ShopEventName } from "../events/schemas";
import { DomainError } from "../errors";
import type { ServiceContext } from "../context";
import type { TrackerStatus } from "./carrier";

export type ShipmentStatus = (typeof shipmentStatus.enumValues)[number];

/**
 * The order in which the carrier moves a shipment after its label is bought; a move goes only to a later one, skipping
 * any (the database's status_transitions holds the same rule). Whatever order the events arrive in, the status ends as
 * the latest of them in this order, so a late in_transit after delivered changes nothing.
 */
const CARRIER_PROGRESS: readonly ShipmentStatus[] = ["label_purchased", "in_transit", "out_for_delivery", "exception", "delivered", "returned"];

/** The statuses a carrier event standing for `to` may move a shipment from. */
export function statusesBefore(to: ShipmentStatus): ShipmentStatus[] {
  const rank = CARRIER_PROGRESS.indexOf(to);
  return rank < 0 ? [] : CARRIER_PROGRESS.slice(0, rank);
}

/**
 * The shipment status a tracker status stands for; null for those that name none (unknown, pre_transit: the label
 * exists, nothing moved) and for cancelled (a shipment is cancelled by us, not by a tracking scan).
 */
export function statusFromTracker(status: TrackerStatus | string): ShipmentStatus | null {
  switch (status) {
    case "in_transit":
    case "out_for_delivery":
    case "delivered":
      return status;
    case "available_for_pickup":
    case "failure":
    case "error":
      return "exception";
    case "return_to_sender":
      return "returned";
    default:
      return null;
  }
}

/** The outbox event the notifications wait for when a shipment reaches a milestone; a return has none yet. */
export const MILESTONE_EVENTS: Partial<Record<ShipmentStatus, Extract<ShopEventName, `shop/shipment.${string}`>>> = {
  in_transit: "shop/shipment.shipped",
  out_for_delivery: "shop/shipment.out-for-delivery",
  delivered: "shop/shipment.delivered",
  exception: "shop/shipment.exception",
};

/** Shipments are made and bought by the shop's jobs and its admins, never by a shopper's request. */
export function requireFulfilment(ctx: ServiceContext): void {
  if (ctx.actor.type !== "system" && ctx.actor.type !== "admin") throw new DomainError("Forbidden", "only the shop fulfils orders");
}
