import { Heading, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { sampleShop } from "./_lib/sample";
import type { EmailBase, Unsubscribable } from "./_lib/types";

export interface WelcomeProps extends EmailBase, Unsubscribable {
  customerName: string;
  accountUrl: string;
}

export function subject({ shop }: WelcomeProps): string {
  return `Welcome to ${shop.name}`;
}

export default function Welcome({ shop, customerName, accountUrl, unsubscribeUrl }: WelcomeProps) {
  return (
    <Layout shop={shop} preview={`Your ${shop.name} account is ready.`} unsubscribeUrl={unsubscribeUrl}>
      <Heading style={heading}>Welcome to {shop.name}</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        Your account is ready. Signed in, you can follow your orders, keep your addresses for a faster checkout and ask us to
        tell you when something sold out is back.
      </Text>
      <Action href={accountUrl}>Go to your account</Action>
    </Layout>
  );
}

Welcome.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  accountUrl: "https://emporium.example/account",
  unsubscribeUrl: "https://emporium.example/account/notifications?unsubscribe=news",
} satisfies WelcomeProps;
