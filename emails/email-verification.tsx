import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

export interface EmailVerificationProps extends EmailBase {
  customerName?: string;
  verifyUrl: string;
  expiresInHours: number;
}

export function subject({ shop }: EmailVerificationProps): string {
  return `Confirm your email address for ${shop.name}`;
}

export default function EmailVerification({ shop, customerName, verifyUrl, expiresInHours }: EmailVerificationProps) {
  return (
    <Layout shop={shop} preview="One click to confirm this is your email address.">
      <Heading style={heading}>Confirm your email address</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        Please confirm that this address is yours so we can send your receipts and delivery updates here. The link works for{" "}
        {expiresInHours} hours.
      </Text>
      <Action href={verifyUrl}>Confirm my email</Action>
      <Text style={paragraph}>If you didn&apos;t create an account with {shop.name}, you can ignore this email.</Text>
    </Layout>
  );
}

EmailVerification.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  verifyUrl: "https://emporium.example/verify-email?token=preview",
  expiresInHours: 24,
} satisfies EmailVerificationProps;
