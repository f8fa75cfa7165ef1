import type { ShippingAddress } from "@/db/schema/orders";

/**
 * The shop's own address (the one its emails print): what checkout quotes from, where every parcel leaves from and where
 * returns come back to. Warehouses carry no address yet, so they all ship from here.
 */
export const SHOP_ORIGIN: ShippingAddress = { name: "Emporium", line1: "14 Harbour Row", city: "Bristol", postalCode: "BS1 4RN", country: "GB" };

/** The address a warehouse's parcels leave from: the shop's, under the warehouse's name. */
export function shipFrom(warehouse: { name: string }): ShippingAddress {
  return { ...SHOP_ORIGIN, name: `Emporium ${warehouse.name}` };
}
