import type { ShippingAddress } from "@/db/schema";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function OrderAddress({ address }: { address: ShippingAddress }) {
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const lines = [address.name, address.line1, address.line2, cityLine, countryName(address.country), address.phone];
  return (
    <address className="text-sm not-italic leading-relaxed">
      {lines.filter(Boolean).map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
