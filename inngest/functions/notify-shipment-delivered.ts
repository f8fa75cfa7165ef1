import { shipmentMilestoneFunction } from "./shipment-milestone-step";

/** The carrier reported the parcel delivered: the shopper hears when. */
export const notifyShipmentDelivered = shipmentMilestoneFunction("notify-shipment-delivered", "shop/shipment.delivered", "delivered");
