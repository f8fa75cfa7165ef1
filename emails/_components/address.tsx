import { Text } from "@react-email/components";
import { countryName } from "../_lib/format";
import type { PostalAddress } from "../_lib/types";
import { paragraph } from "./styles";

export function Address({ address }: { address: PostalAddress }) {
  const cityLine = [address.city, address.region, address.postalCode].filter(Boolean).join(", ");
  const lines = [address.name, address.line1, address.line2, cityLine, countryName(address.country)].filter(Boolean);
  return (
    <Text style={{ ...paragraph, margin: "0 0 8px" }}>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </Text>
  );
}
