import { Heading, Link, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Address } from "./_components/address";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, label, link, paragraph } from "./_components/styles";
import { TrackingDetails } from "./_components/tracking-details";
import { formatDay } from "./_lib/format";
import { sampleAddress, sampleLines, sampleOrderUrl, sampleShop, sampleTracking } from "./_lib/sample";
import type { EmailBase, OrderLine, PostalAddress, Tracking, Unsubscribable } from "./_lib/types";

export interface ShippedProps extends EmailBase, Tracking, Unsubscribable {
  customerName: string;
  orderNumber: number;
  /** What is in this parcel (an order may ship in several). */
  lines: Pick<OrderLine, "sku" | "productTitle" | "variantTitle" | "quantity">[];
  shippingAddress: PostalAddress;
  /** The carrier's estimate, ISO. */
  estimatedDelivery?: string;
  orderUrl: string;
}

export function subject({ orderNumber }: ShippedProps): string {
  return `Order #${orderNumber} is on its way`;
}

export default function Shipped(props: ShippedProps) {
  const { shop, customerName, orderNumber, lines, shippingAddress, estimatedDelivery, orderUrl } = props;
  return (
    <Layout shop={shop} preview={`Order #${orderNumber} has left our warehouse with ${props.carrier}.`} unsubscribeUrl={props.unsubscribeUrl}>
      <Heading style={heading}>Your order is on its way</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        Order #{orderNumber} has left our warehouse.
        {estimatedDelivery ? ` ${props.carrier} expects to deliver it on ${formatDay(estimatedDelivery, shop.timeZone)}.` : ""}
      </Text>
      <TrackingDetails tracking={props} />
      <Action href={props.trackingUrl}>Track your parcel</Action>
      <Text style={label}>In this parcel</Text>
      <Text style={paragraph}>
        {lines.map((line, i) => (
          <span key={line.sku}>
            {i > 0 ? <br /> : null}
            {line.quantity} × {line.productTitle}
            {line.variantTitle ? ` (${line.variantTitle})` : ""}
          </span>
        ))}
      </Text>
      <Text style={label}>Going to</Text>
      <Address address={shippingAddress} />
      <Text style={paragraph}>
        <Link href={orderUrl} style={link}>
          View your order
        </Link>
      </Text>
    </Layout>
  );
}

Shipped.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  ...sampleTracking,
  lines: sampleLines,
  shippingAddress: sampleAddress,
  estimatedDelivery: "2026-12-05T12:00:00Z",
  orderUrl: sampleOrderUrl,
} satisfies ShippedProps;
