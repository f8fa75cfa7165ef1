import { Link, Text } from "@react-email/components";
import type { Tracking } from "../_lib/types";
import { link, paragraph } from "./styles";

/** Carrier and tracking number, the number linking to the carrier's page. */
export function TrackingDetails({ tracking }: { tracking: Tracking }) {
  return (
    <Text style={paragraph}>
      Carrier: {tracking.carrier}
      <br />
      Tracking number:{" "}
      <Link href={tracking.trackingUrl} style={link}>
        {tracking.trackingNumber}
      </Link>
    </Text>
  );
}
