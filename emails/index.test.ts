import { describe, expect, it } from "vitest";
import { previewProps, renderEmail, templateNames, type TemplateName } from "./index";

const script = "<script>alert(1)</script>";
const markup = `<b onclick="x()">Flat 2</b> & "Annex"`;

// Every place a shopper's or an admin's own words reach a template.
const hostile: Record<string, string> = { customerName: script, name: script, line1: markup, productTitle: script };

/** A copy of `value` with every string under a key of `hostile` replaced; counts what it replaced. */
function poison(value: unknown, hits: { count: number }): unknown {
  if (Array.isArray(value)) return value.map((item) => poison(item, hits));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const replacement = hostile[key];
        if (replacement !== undefined && typeof inner === "string") {
          hits.count++;
          return [key, replacement];
        }
        return [key, poison(inner, hits)];
      }),
    );
  }
  return value;
}

async function renderPreview(name: TemplateName) {
  return renderEmail(name, previewProps(name));
}

describe("templates", () => {
  it("lists all seventeen", () => {
    expect(templateNames).toHaveLength(17);
  });

  it.each(templateNames)("%s renders a subject, HTML and text from its preview props", async (name) => {
    const email = await renderPreview(name);
    expect(email.subject.trim()).not.toBe("");
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain("</html>");
    expect(email.text.trim()).not.toBe("");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it.each(templateNames)("%s text version", async (name) => {
    const email = await renderPreview(name);
    expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchSnapshot();
  });

  it.each(templateNames)("%s escapes markup in names, addresses and titles", async (name) => {
    const hits = { count: 0 };
    const props = poison(previewProps(name), hits) as never;
    expect(hits.count).toBeGreaterThan(0);
    const email = await renderEmail(name, props);
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<b onclick");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.text).toContain(script);
    if (email.html.includes("Flat 2")) expect(email.text).toContain(markup);
  });
});

describe("renderEmail", () => {
  it("keeps a subject on one line whatever the props hold", async () => {
    const props = { ...previewProps("back-in-stock"), productTitle: "Mug\r\nBcc: someone@example.com" };
    const email = await renderEmail("back-in-stock", props);
    expect(email.subject).toBe("Mug Bcc: someone@example.com is back in stock");
  });

  it("shows an unsubscribe link only when given one", async () => {
    const withLink = await renderEmail("welcome", previewProps("welcome"));
    expect(withLink.html).toContain(`href="${previewProps("welcome").unsubscribeUrl}"`);
    const without = await renderEmail("welcome", { ...previewProps("welcome"), unsubscribeUrl: undefined });
    expect(without.html).not.toMatch(/unsubscribe/i);
  });

  it("offers Pay now only while the order's hold lasts", async () => {
    const holding = await renderEmail("payment-failed", previewProps("payment-failed"));
    expect(holding.text).toContain("Pay now");
    const ended = await renderEmail("payment-failed", { ...previewProps("payment-failed"), retry: undefined });
    expect(ended.text).not.toContain("Pay now");
    expect(ended.text).toContain("hold on your items has ended");
  });

  it("shows the logo image when the shop has one, and its name as text otherwise", async () => {
    const props = previewProps("welcome");
    const withLogo = await renderEmail("welcome", { ...props, shop: { ...props.shop, logoUrl: "https://cdn.example/logo.png" } });
    expect(withLogo.html).toContain('src="https://cdn.example/logo.png"');
    expect(withLogo.html).not.toContain('rel="preload"');
    expect((await renderEmail("welcome", props)).html).not.toContain("<img");
  });

  it("hands out a fresh copy of the preview props", () => {
    const props = previewProps("order-confirmation");
    props.lines.length = 0;
    expect(previewProps("order-confirmation").lines.length).toBeGreaterThan(0);
  });
});
