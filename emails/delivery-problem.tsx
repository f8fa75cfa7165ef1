import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { TrackingDetails } from "./_components/tracking-details";
import { sampleOrderUrl, sampleShop, sampleTracking } from "./_lib/sample";
import type { EmailBase, Tracking, Unsubscribable } from "./_lib/types";

export interface DeliveryProblemProps extends EmailBase, Tracking, Unsubscribable {
  customerName: string;
  orderNumber: number;
  /** What the carrier reported, in its words ("Address incomplete", "Parcel damaged in transit"). */
  problem: string;
  orderUrl: string;
}

export function subject({ orderNumber }: DeliveryProblemProps): string {
  return `A problem delivering order #${orderNumber}`;
}

export default function DeliveryProblem(props: DeliveryProblemProps) {
  const { shop, customerName, orderNumber, carrier, problem, orderUrl } = props;
  return (
    <Layout shop={shop} preview={`${carrier} couldn't deliver order #${orderNumber}.`} unsubscribeUrl={props.unsubscribeUrl}>
      <Heading style={heading}>There&apos;s a problem with your delivery</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        {carrier} couldn&apos;t deliver order #{orderNumber}. They told us: &ldquo;{problem}&rdquo;
      </Text>
      <Text style={paragraph}>
        We&apos;re looking into it. The tracking page may show how to rearrange delivery; if you need us, reply to this email or
        write to {shop.supportEmail}.
      </Text>
      <TrackingDetails tracking={props} />
      <Action href={orderUrl}>View your order</Action>
    </Layout>
  );
}

DeliveryProblem.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  ...sampleTracking,
  problem: "Address incomplete: flat number missing",
  orderUrl: sampleOrderUrl,
} satisfies DeliveryProblemProps;
