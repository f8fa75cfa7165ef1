import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

export interface PasswordResetProps extends EmailBase {
  customerName?: string;
  resetUrl: string;
  expiresInMinutes: number;
}

export function subject({ shop }: PasswordResetProps): string {
  return `Reset your ${shop.name} password`;
}

export default function PasswordReset({ shop, customerName, resetUrl, expiresInMinutes }: PasswordResetProps) {
  return (
    <Layout shop={shop} preview={`Choose a new password. The link works for ${expiresInMinutes} minutes.`}>
      <Heading style={heading}>Reset your password</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        Someone asked to reset the password of your {shop.name} account. If it was you, choose a new one here; the link works
        for {expiresInMinutes} minutes and only once.
      </Text>
      <Action href={resetUrl}>Choose a new password</Action>
      <Text style={paragraph}>If you didn&apos;t ask, ignore this email: your password stays as it is.</Text>
    </Layout>
  );
}

PasswordReset.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  resetUrl: "https://emporium.example/reset-password?token=preview",
  expiresInMinutes: 30,
} satisfies PasswordResetProps;
