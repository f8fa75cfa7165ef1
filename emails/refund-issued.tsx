import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { formatMoney } from "./_lib/format";
import { sampleOrderUrl, sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

export interface RefundIssuedProps extends EmailBase {
  customerName: string;
  orderNumber: number;
  /** This refund, in integer minor units. */
  amount: number;
  currency: string;
  /** Whether the whole order has now been refunded. */
  full: boolean;
  orderUrl: string;
}

export function subject({ orderNumber, amount, currency }: RefundIssuedProps): string {
  return `Refund of ${formatMoney(amount, currency)} for order #${orderNumber}`;
}

export default function RefundIssued({ shop, customerName, orderNumber, amount, currency, full, orderUrl }: RefundIssuedProps) {
  const refunded = formatMoney(amount, currency);
  return (
    <Layout shop={shop} preview={`We've refunded ${refunded} to your original payment method.`}>
      <Heading style={heading}>Your refund is on its way</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        We&apos;ve refunded {refunded} for order #{orderNumber} to the card or account you paid with
        {full ? ", which is the full amount of the order" : ""}.
      </Text>
      <Text style={paragraph}>
        Banks usually take 5 to 10 working days to show a refund on your statement. If it hasn&apos;t appeared after that, reply
        to this email and we&apos;ll look into it.
      </Text>
      <Action href={orderUrl}>View your order</Action>
    </Layout>
  );
}

RefundIssued.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  amount: 1800,
  currency: "GBP",
  full: false,
  orderUrl: sampleOrderUrl,
} satisfies RefundIssuedProps;
