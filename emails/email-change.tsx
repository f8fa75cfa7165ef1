import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

/** To the address a shopper asked to move their account to: the confirmation link, or, when another account already uses the address, a note instead. */
export interface EmailChangeProps extends EmailBase {
  customerName?: string;
  /** Absent when the address already belongs to another account: then no link is offered. */
  confirmUrl?: string;
  expiresInMinutes: number;
}

export function subject({ shop, confirmUrl }: EmailChangeProps): string {
  return confirmUrl ? `Confirm your new email address for ${shop.name}` : `This address already has a ${shop.name} account`;
}

export default function EmailChange({ shop, customerName, confirmUrl, expiresInMinutes }: EmailChangeProps) {
  if (!confirmUrl) {
    return (
      <Layout shop={shop} preview="Someone asked to use this address for another account.">
        <Heading style={heading}>This address already has an account</Heading>
        <Text style={paragraph}>
          Someone asked to use this email address for a {shop.name} account, but an account with this address already exists,
          so nothing was changed. If it was you, sign in with this address instead, or choose another one.
        </Text>
        <Text style={paragraph}>If you didn&apos;t ask, you can ignore this email.</Text>
      </Layout>
    );
  }
  return (
    <Layout shop={shop} preview={`Confirm your new email address. The link works for ${expiresInMinutes} minutes.`}>
      <Heading style={heading}>Confirm your new email address</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        You asked to use this address for your {shop.name} account. Your email changes when you confirm; the link works for{" "}
        {expiresInMinutes} minutes and only once.
      </Text>
      <Action href={confirmUrl}>Use this address</Action>
      <Text style={paragraph}>If you didn&apos;t ask, ignore this email: the account keeps its current address.</Text>
    </Layout>
  );
}

EmailChange.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  confirmUrl: "https://emporium.example/confirm-email?token=preview",
  expiresInMinutes: 60,
} satisfies EmailChangeProps;
