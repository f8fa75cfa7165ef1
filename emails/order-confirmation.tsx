import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Address } from "./_components/address";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { OrderSummary } from "./_components/order-summary";
import { heading, label, paragraph } from "./_components/styles";
import { sampleAddress, sampleLines, sampleOrderUrl, sampleShop, sampleTotals } from "./_lib/sample";
import type { EmailBase, OrderLine, OrderTotals, PostalAddress } from "./_lib/types";

export interface OrderConfirmationProps extends EmailBase, OrderTotals {
  customerName: string;
  orderNumber: number;
  lines: OrderLine[];
  shippingAddress: PostalAddress;
  shippingMethod: string;
  orderUrl: string;
}

export function subject({ shop, orderNumber }: OrderConfirmationProps): string {
  return `Your ${shop.name} order #${orderNumber} is confirmed`;
}

export default function OrderConfirmation(props: OrderConfirmationProps) {
  const { shop, customerName, orderNumber, lines, shippingAddress, shippingMethod, orderUrl } = props;
  return (
    <Layout shop={shop} preview={`Thanks for your order #${orderNumber}. We'll let you know when it ships.`}>
      <Heading style={heading}>Thanks for your order</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        We have your payment for order #{orderNumber} and are getting it ready. We&apos;ll email you again when it ships.
      </Text>
      <Action href={orderUrl}>View your order</Action>
      <Text style={label}>Order summary</Text>
      <OrderSummary lines={lines} totals={props} />
      <Text style={label}>Shipping to</Text>
      <Address address={shippingAddress} />
      <Text style={paragraph}>{shippingMethod}</Text>
    </Layout>
  );
}

OrderConfirmation.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  lines: sampleLines,
  ...sampleTotals,
  shippingAddress: sampleAddress,
  shippingMethod: "Standard delivery (2–4 working days)",
  orderUrl: sampleOrderUrl,
} satisfies OrderConfirmationProps;
