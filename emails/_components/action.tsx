import { Button, Section } from "@react-email/components";
import { colors } from "./styles";

const button = {
  backgroundColor: colors.accent,
  borderRadius: "6px",
  color: "#ffffff",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};

/** The message's one call to action. */
export function Action({ href, children }: { href: string; children: string }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={button}>
        {children}
      </Button>
    </Section>
  );
}
