import { shipmentMilestoneFunction } from "./shipment-milestone-step";

/** The parcel left the warehouse: the shopper hears it is on its way, with its tracking. */
export const notifyShipmentShipped = shipmentMilestoneFunction("notify-shipment-shipped", "shop/shipment.shipped", "shipped");
