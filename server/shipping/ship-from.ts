import type { ShippingAddress } from "@/db/schema/orders";

/**
 * The address a warehouse's parcels leave from. Warehouses carry no address yet, so every one ships from the shop's
 * address (the one its emails print), under the warehouse's name.
 */
export function shipFrom(warehouse: { name: string }): ShippingAddress {
  return { name: `Emporium ${warehouse.name}`, line1: "14 Harbour Row", city: "Bristol", postalCode: "BS1 4RN", country: "GB" };
}
