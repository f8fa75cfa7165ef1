import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, label, paragraph } from "./_components/styles";
import { formatMoney } from "./_lib/format";
import { sampleOrderUrl, sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

/** The steps of a return the shopper hears about (its refund sends the refund-issued email). */
export type ReturnStep = "requested" | "approved" | "received" | "rejected";

export interface ReturnUpdateProps extends EmailBase {
  step: ReturnStep;
  customerName: string;
  orderNumber: number;
  lines: { productTitle: string; variantTitle: string; quantity: number }[];
  /** What the return refunds once the items arrive, in integer minor units of `currency`. */
  refundAmount: number;
  currency: string;
  orderUrl: string;
  /** Approved: the return label to print (absolute), with its carrier and tracking number. */
  label?: { url: string; carrier: string; trackingNumber: string };
  /** Rejected: the shop's reason, in its words. */
  rejectionReason?: string;
}

const SUBJECTS: Record<ReturnStep, string> = {
  requested: "We've received your return request",
  approved: "Your return is approved: print your label",
  received: "Your returned items have arrived",
  rejected: "About your return request",
};

export function subject({ step, orderNumber }: ReturnUpdateProps): string {
  return `${SUBJECTS[step]} (order #${orderNumber})`;
}

function StepText({ step, refundAmount, currency, label: returnLabel, rejectionReason }: ReturnUpdateProps) {
  const refund = formatMoney(refundAmount, currency);
  switch (step) {
    case "requested":
      return <Text style={paragraph}>We&apos;ll review your request shortly and email you the return label once it&apos;s approved.</Text>;
    case "approved":
      return (
        <Text style={paragraph}>
          Print the return label, stick it on the parcel and hand it to {returnLabel?.carrier ?? "the carrier"}
          {returnLabel ? ` (tracking ${returnLabel.trackingNumber})` : ""}. We&apos;ll refund {refund} when the items reach us.
        </Text>
      );
    case "received":
      return <Text style={paragraph}>The items are back with us. We&apos;re refunding {refund} to the card or account you paid with; you&apos;ll get an email when it&apos;s done.</Text>;
    case "rejected":
      return (
        <>
          <Text style={paragraph}>We&apos;re sorry: we can&apos;t accept this return.</Text>
          {rejectionReason ? <Text style={paragraph}>Our reason: &ldquo;{rejectionReason}&rdquo;</Text> : null}
          <Text style={paragraph}>If you think we got it wrong, reply to this email.</Text>
        </>
      );
  }
}

export default function ReturnUpdate(props: ReturnUpdateProps) {
  const { shop, step, customerName, orderNumber, lines, orderUrl } = props;
  return (
    <Layout shop={shop} preview={`${SUBJECTS[step]}: order #${orderNumber}.`}>
      <Heading style={heading}>{SUBJECTS[step]}</Heading>
      <Greeting name={customerName} />
      <StepText {...props} />
      <Text style={label}>Items</Text>
      {lines.map((line, i) => (
        <Text key={i} style={{ ...paragraph, margin: "0 0 4px" }}>
          {line.quantity} × {line.productTitle} ({line.variantTitle})
        </Text>
      ))}
      {step === "approved" && props.label ? <Action href={props.label.url}>Print your return label</Action> : <Action href={orderUrl}>View your order</Action>}
    </Layout>
  );
}

ReturnUpdate.PreviewProps = {
  shop: sampleShop,
  step: "approved",
  customerName: "Ada",
  orderNumber: 100042,
  lines: [{ productTitle: "Linen shirt", variantTitle: "M / Blue", quantity: 1 }],
  refundAmount: 4500,
  currency: "GBP",
  orderUrl: sampleOrderUrl,
  label: { url: `${sampleShop.url}/api/orders/0b1c/returns/9f2e/label?token=sample`, carrier: "SimPost", trackingNumber: "SIM123456789012" },
} satisfies ReturnUpdateProps;
