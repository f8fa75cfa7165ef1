import { Heading, Link, Text } from "@react-email/components";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { OrderSummary } from "./_components/order-summary";
import { heading, label, link, paragraph } from "./_components/styles";
import { sampleLines, sampleOrderUrl, sampleShop, sampleTotals } from "./_lib/sample";
import type { EmailBase, OrderLine, OrderTotals } from "./_lib/types";

export interface OrderCancelledProps extends EmailBase, OrderTotals {
  customerName: string;
  orderNumber: number;
  lines: OrderLine[];
  /** Why, in a sentence for the shopper ("We didn't receive payment before the hold on your items ended."). */
  reason?: string;
  /** Whether money was taken: then a refund follows, with its own email. */
  refundToFollow: boolean;
  orderUrl: string;
}

export function subject({ orderNumber }: OrderCancelledProps): string {
  return `Order #${orderNumber} has been cancelled`;
}

export default function OrderCancelled(props: OrderCancelledProps) {
  const { shop, customerName, orderNumber, lines, reason, refundToFollow, orderUrl } = props;
  return (
    <Layout shop={shop} preview={`Order #${orderNumber} has been cancelled.`}>
      <Heading style={heading}>Your order has been cancelled</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        Order #{orderNumber} has been cancelled.{reason ? ` ${reason}` : ""}
      </Text>
      <Text style={paragraph}>
        {refundToFollow
          ? "We're refunding your payment in full and will email you once the refund is on its way."
          : "Nothing was charged for this order."}
      </Text>
      <Text style={label}>What was in the order</Text>
      <OrderSummary lines={lines} totals={props} />
      <Text style={paragraph}>
        <Link href={orderUrl} style={link}>
          View the order
        </Link>{" "}
        or{" "}
        <Link href={shop.url} style={link}>
          visit the shop
        </Link>{" "}
        to order again.
      </Text>
    </Layout>
  );
}

OrderCancelled.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  orderNumber: 100042,
  lines: sampleLines,
  ...sampleTotals,
  reason: "We didn't receive payment before the hold on your items ended.",
  refundToFollow: false,
  orderUrl: sampleOrderUrl,
} satisfies OrderCancelledProps;
