import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import * as orderCancelled from "./order-cancelled";
import type { OrderCancelledProps } from "./order-cancelled";
import * as orderConfirmation from "./order-confirmation";
import type { OrderConfirmationProps } from "./order-confirmation";
import * as paymentFailed from "./payment-failed";
import type { PaymentFailedProps } from "./payment-failed";

export type { OrderCancelledProps, OrderConfirmationProps, PaymentFailedProps };
export type { EmailBase, OrderLine, OrderTotals, PostalAddress, Shop, Tracking, Unsubscribable } from "./_lib/types";

/** Each template's name (also the ledger's `kind`) and the props it renders from. */
export interface TemplateProps {
  "order-confirmation": OrderConfirmationProps;
  "payment-failed": PaymentFailedProps;
  "order-cancelled": OrderCancelledProps;
}

export type TemplateName = keyof TemplateProps;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface TemplateModule<P> {
  default: ((props: P) => ReactElement) & { PreviewProps: P };
  subject: (props: P) => string;
}

const templates: { [N in TemplateName]: TemplateModule<TemplateProps[N]> } = {
  "order-confirmation": orderConfirmation,
  "payment-failed": paymentFailed,
  "order-cancelled": orderCancelled,
};

export const templateNames = Object.keys(templates) as TemplateName[];

/**
 * The subject, HTML and plain text of one message. React renders once; the text is derived from that HTML, which is what
 * `render(…, { plainText: true })` would do with a second render.
 */
export async function renderEmail<N extends TemplateName>(name: N, props: TemplateProps[N]): Promise<RenderedEmail> {
  const template: TemplateModule<TemplateProps[N]> | undefined = templates[name];
  if (!template) throw new Error(`No email template named "${name}"`);
  const html = await render(createElement(template.default, props));
  // A subject is one header line: a newline in a customer's text must not start another.
  const subject = template.subject(props).replace(/\s+/g, " ").trim();
  return { subject, html, text: toPlainText(html) };
}

/** A template's sample data (its preview props), a fresh copy each call. */
export function previewProps<N extends TemplateName>(name: N): TemplateProps[N] {
  return structuredClone(templates[name].default.PreviewProps);
}
