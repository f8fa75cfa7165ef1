import { Heading, Text } from "@react-email/components";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { formatDateTime } from "./_lib/format";
import { sampleShop } from "./_lib/sample";
import type { EmailBase } from "./_lib/types";

/** To the address an account had before its email changed. */
export interface EmailChangedProps extends EmailBase {
  customerName?: string;
  /** The new address, partly hidden. */
  newEmail: string;
  changedAt: string;
}

export function subject({ shop }: EmailChangedProps): string {
  return `Your ${shop.name} email address was changed`;
}

export default function EmailChanged({ shop, customerName, newEmail, changedAt }: EmailChangedProps) {
  const when = formatDateTime(changedAt, shop.timeZone);
  return (
    <Layout shop={shop} preview="Your account now uses another email address.">
      <Heading style={heading}>Your email address was changed</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        On {when}, your {shop.name} account moved to the address {newEmail}. We will no longer write to this one, and you
        were signed out everywhere.
      </Text>
      <Text style={paragraph}>If you didn&apos;t do this, reply to this email straight away so we can secure your account.</Text>
    </Layout>
  );
}

EmailChanged.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  newEmail: "ad•••@example.com",
  changedAt: "2026-12-03T11:00:00.000Z",
} satisfies EmailChangedProps;
