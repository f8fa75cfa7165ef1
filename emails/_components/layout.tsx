import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Shop } from "../_lib/types";
import { colors, link, small } from "./styles";

interface LayoutProps {
  shop: Shop;
  /** The line mail clients show beside the subject. */
  preview: string;
  /** Given only for messages a reader may opt out of. */
  unsubscribeUrl?: string;
  children: ReactNode;
}

const body = { backgroundColor: "#f5f5f4", fontFamily: "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
const container = { backgroundColor: "#ffffff", border: `1px solid ${colors.line}`, borderRadius: "8px", maxWidth: "560px", padding: "28px 32px" };
const brand = { fontSize: "20px", fontWeight: 700, color: colors.ink, margin: 0, textDecoration: "none" };

export function Layout({ shop, preview, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={{ marginBottom: "24px" }}>
            <Link href={shop.url} style={brand}>
              {shop.logoUrl ? <Img src={shop.logoUrl} alt={shop.name} height="32" /> : shop.name}
            </Link>
          </Section>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "28px 0 16px" }} />
          <Text style={small}>
            Questions? Write to{" "}
            <Link href={`mailto:${shop.supportEmail}`} style={link}>
              {shop.supportEmail}
            </Link>
            .
          </Text>
          <Text style={small}>{shop.addressLine}</Text>
          {unsubscribeUrl ? (
            <Text style={small}>
              <Link href={unsubscribeUrl} style={link}>
                Unsubscribe
              </Link>{" "}
              from these emails.
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
