import { shipmentMilestoneFunction } from "./shipment-milestone-step";

/** The carrier could not deliver: the shopper hears the carrier's words and what happens next. */
export const notifyShipmentException = shipmentMilestoneFunction("notify-shipment-exception", "shop/shipment.exception", "delivery-problem");
