import { shipmentMilestoneFunction } from "./shipment-milestone-step";

/** The carrier has the parcel on the van: the shopper hears it arrives today. */
export const notifyShipmentOutForDelivery = shipmentMilestoneFunction("notify-shipment-out-for-delivery", "shop/shipment.out-for-delivery", "out-for-delivery");
