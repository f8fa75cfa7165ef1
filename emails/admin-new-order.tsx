import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Address } from "./_components/address";
import { Layout } from "./_components/layout";
import { OrderSummary } from "./_components/order-summary";
import { heading, label, paragraph } from "./_components/styles";
import { formatDateTime, formatMoney } from "./_lib/format";
import { sampleAddress, sampleLines, sampleShop, sampleTotals } from "./_lib/sample";
import type { EmailBase, OrderLine, OrderTotals, PostalAddress, Unsubscribable } from "./_lib/types";

export interface AdminNewOrderProps extends EmailBase, OrderTotals, Unsubscribable {
  orderNumber: number;
  customerName: string;
  customerEmail: string;
  /** ISO. */
  placedAt: string;
  lines: OrderLine[];
  shippingAddress: PostalAddress;
  shippingMethod: string;
  /** The order in the admin, absolute. */
  adminOrderUrl: string;
}

export function subject({ orderNumber, totalAmount, currency }: AdminNewOrderProps): string {
  return `New order #${orderNumber}: ${formatMoney(totalAmount, currency)}`;
}

export default function AdminNewOrder(props: AdminNewOrderProps) {
  const { shop, orderNumber, customerName, customerEmail, placedAt, lines, shippingAddress, shippingMethod } = props;
  return (
    <Layout
      shop={shop}
      preview={`${customerName} ordered ${formatMoney(props.totalAmount, props.currency)}: order #${orderNumber}.`}
      unsubscribeUrl={props.unsubscribeUrl}
    >
      <Heading style={heading}>New order #{orderNumber}</Heading>
      <Text style={paragraph}>
        {customerName} ({customerEmail}) placed this order on {formatDateTime(placedAt, shop.timeZone)}. Its payment is being taken now: the order page shows when it is paid.
      </Text>
      <Action href={props.adminOrderUrl}>Open in the admin</Action>
      <OrderSummary lines={lines} totals={props} />
      <Text style={label}>Ship to</Text>
      <Address address={shippingAddress} />
      <Text style={paragraph}>
        {shippingMethod}
        {shippingAddress.phone ? ` · ${shippingAddress.phone}` : ""}
      </Text>
    </Layout>
  );
}

AdminNewOrder.PreviewProps = {
  shop: sampleShop,
  orderNumber: 100042,
  customerName: "Ada Okafor",
  customerEmail: "ada.okafor@mail.example",
  placedAt: "2026-12-03T14:02:00Z",
  lines: sampleLines,
  ...sampleTotals,
  shippingAddress: sampleAddress,
  shippingMethod: "Standard delivery (2–4 working days)",
  adminOrderUrl: "https://emporium.example/admin/orders/4b0e8f52-3a7c-4f7e-9d1a-6c2b8e0f5a31",
  unsubscribeUrl: "https://emporium.example/admin/settings/notifications?unsubscribe=new-orders",
} satisfies AdminNewOrderProps;
