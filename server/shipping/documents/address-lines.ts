import type { ShippingAddress } from "@/db/schema/orders";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** An address as the lines printed on a label or slip: name, street, town with region and postal code, country. */
export function addressLines(address: ShippingAddress): string[] {
  const town = [address.city, address.region, address.postalCode].filter(Boolean).join(" ");
  return [address.name, address.line1, address.line2, town, regionNames.of(address.country) ?? address.country].filter((line): line is string => Boolean(line));
}
