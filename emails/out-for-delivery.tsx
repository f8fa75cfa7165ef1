import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { TrackingDetails } from "./_components/tracking-details";
import { sampleShop, sampleTracking } from "./_lib/sample";
import type { EmailBase, Tracking, Unsubscribable } from "./_lib/types";

export interface OutForDeliveryProps extends EmailBase, Tracking, Unsubscribable {
  customerName: string;
  orderNumber: number;
}

export function subject({ orderNumber }: OutForDeliveryProps): string {
  return `Order #${orderNumber} arrives today`;
}

export default function OutForDelivery(props: OutForDeliveryProps) {
  const { shop, customerName, orderNumber, carrier, unsubscribeUrl } = props;
  return (
    <Layout shop={shop} preview={`${carrier} is delivering order #${orderNumber} today.`} unsubscribeUrl={unsubscribeUrl}>
      <Heading style={heading}>Arriving today</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        {carrier} has your parcel for order #{orderNumber} on the van and expects to deliver it today. If nobody is in, the
        carrier will leave a card saying where to collect it.
      </Text>
      <TrackingDetails tracking={props} />
      <Action href={props.trackingUrl}>Follow the delivery</Action>
    </Layout>
  );
}

OutForDelivery.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  ...sampleTracking,
  unsubscribeUrl: "https://emporium.example/account/notifications?unsubscribe=delivery-updates",
} satisfies OutForDeliveryProps;
