import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { formatDateTime } from "./_lib/format";
import { sampleOrderUrl, sampleShop } from "./_lib/sample";
import type { EmailBase, Unsubscribable } from "./_lib/types";

export interface DeliveredProps extends EmailBase, Unsubscribable {
  customerName: string;
  orderNumber: number;
  carrier: string;
  /** When the carrier reported it delivered, ISO. */
  deliveredAt: string;
  orderUrl: string;
}

export function subject({ orderNumber }: DeliveredProps): string {
  return `Order #${orderNumber} has been delivered`;
}

export default function Delivered({ shop, customerName, orderNumber, carrier, deliveredAt, orderUrl, unsubscribeUrl }: DeliveredProps) {
  return (
    <Layout shop={shop} preview={`${carrier} delivered order #${orderNumber}.`} unsubscribeUrl={unsubscribeUrl}>
      <Heading style={heading}>Your order has arrived</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        {carrier} delivered order #{orderNumber} on {formatDateTime(deliveredAt, shop.timeZone)}. We hope you enjoy it.
      </Text>
      <Text style={paragraph}>
        If the parcel isn&apos;t there or something inside is wrong, reply to this email within 14 days and we&apos;ll put it
        right.
      </Text>
      <Action href={orderUrl}>View your order</Action>
    </Layout>
  );
}

Delivered.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  carrier: "Royal Mail",
  deliveredAt: "2026-12-05T10:42:00Z",
  orderUrl: sampleOrderUrl,
  unsubscribeUrl: "https://emporium.example/account/notifications?unsubscribe=delivery-updates",
} satisfies DeliveredProps;
