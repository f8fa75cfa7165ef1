import { Heading, Link, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, link, paragraph } from "./_components/styles";
import { formatDateTime, formatMoney } from "./_lib/format";
import { sampleOrderUrl, sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

export interface PaymentFailedProps extends EmailBase {
  customerName: string;
  orderNumber: number;
  currency: string;
  totalAmount: number;
  /** Why the payment was refused, in words a shopper understands ("Your card was declined."). */
  reason?: string;
  /** While the order still holds its items: where to pay and until when (ISO). Left out once the hold has ended. */
  retry?: { payUrl: string; holdEndsAt: string };
  orderUrl: string;
}

export function subject({ orderNumber }: PaymentFailedProps): string {
  return `Payment for order #${orderNumber} didn't go through`;
}

export default function PaymentFailed(props: PaymentFailedProps) {
  const { shop, customerName, orderNumber, currency, totalAmount, reason, retry, orderUrl } = props;
  const total = formatMoney(totalAmount, currency);
  return (
    <Layout shop={shop} preview={`We couldn't take ${total} for order #${orderNumber}.`}>
      <Heading style={heading}>Your payment didn&apos;t go through</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        We couldn&apos;t take the payment of {total} for order #{orderNumber}.{reason ? ` ${reason}` : ""}
      </Text>
      {retry ? (
        <>
          <Text style={paragraph}>
            Your items are held for you until {formatDateTime(retry.holdEndsAt, shop.timeZone)}. Pay with another card before then
            and the order goes ahead as placed.
          </Text>
          <Action href={retry.payUrl}>Pay now</Action>
        </>
      ) : (
        <Text style={paragraph}>
          The hold on your items has ended, so the order will be cancelled and nothing is charged. You can{" "}
          <Link href={orderUrl} style={link}>
            view your order
          </Link>{" "}
          or start again from the shop.
        </Text>
      )}
    </Layout>
  );
}

PaymentFailed.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  currency: "GBP",
  totalAmount: 11199,
  reason: "Your card was declined.",
  retry: { payUrl: "https://emporium.example/pay/100042?token=preview", holdEndsAt: "2026-12-03T15:30:00Z" },
  orderUrl: sampleOrderUrl,
} satisfies PaymentFailedProps;
