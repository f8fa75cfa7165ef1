import { compile } from "html-to-text";
import { createElement, type ReactElement } from "react";
import * as adminLowStock from "./admin-low-stock";
import type { AdminLowStockProps, LowStockItem } from "./admin-low-stock";
import * as adminNewOrder from "./admin-new-order";
import type { AdminNewOrderProps } from "./admin-new-order";
import * as backInStock from "./back-in-stock";
import type { BackInStockProps } from "./back-in-stock";
import * as delivered from "./delivered";
import type { DeliveredProps } from "./delivered";
import * as deliveryProblem from "./delivery-problem";
import type { DeliveryProblemProps } from "./delivery-problem";
import * as emailChange from "./email-change";
import type { EmailChangeProps } from "./email-change";
import * as emailChanged from "./email-changed";
import type { EmailChangedProps } from "./email-changed";
import * as emailVerification from "./email-verification";
import type { EmailVerificationProps } from "./email-verification";
import * as orderCancelled from "./order-cancelled";
import type { OrderCancelledProps } from "./order-cancelled";
import * as orderConfirmation from "./order-confirmation";
import type { OrderConfirmationProps } from "./order-confirmation";
import * as outForDelivery from "./out-for-delivery";
import type { OutForDeliveryProps } from "./out-for-delivery";
import * as passwordReset from "./password-reset";
import type { PasswordResetProps } from "./password-reset";
import * as paymentFailed from "./payment-failed";
import type { PaymentFailedProps } from "./payment-failed";
import * as refundIssued from "./refund-issued";
import type { RefundIssuedProps } from "./refund-issued";
import * as returnUpdate from "./return-update";
import type { ReturnStep, ReturnUpdateProps } from "./return-update";
import * as shipped from "./shipped";
import type { ShippedProps } from "./shipped";
import * as welcome from "./welcome";
import type { WelcomeProps } from "./welcome";

export type { AdminLowStockProps, AdminNewOrderProps, BackInStockProps, DeliveredProps, DeliveryProblemProps, EmailChangeProps, EmailChangedProps, EmailVerificationProps, LowStockItem, OrderCancelledProps, OrderConfirmationProps, OutForDeliveryProps, PasswordResetProps, PaymentFailedProps, RefundIssuedProps, ReturnStep, ReturnUpdateProps, ShippedProps, WelcomeProps };
export type { EmailBase, OrderLine, OrderTotals, PostalAddress, Shop, Tracking, Unsubscribable } from "./_lib/types";

/** Each template's name (also the ledger's `kind`) and the props it renders from. */
export interface TemplateProps {
  "order-confirmation": OrderConfirmationProps;
  "payment-failed": PaymentFailedProps;
  "order-cancelled": OrderCancelledProps;
  "refund-issued": RefundIssuedProps;
  "return-update": ReturnUpdateProps;
  "shipped": ShippedProps;
  "out-for-delivery": OutForDeliveryProps;
  "delivered": DeliveredProps;
  "delivery-problem": DeliveryProblemProps;
  "password-reset": PasswordResetProps;
  "email-verification": EmailVerificationProps;
  "email-change": EmailChangeProps;
  "email-changed": EmailChangedProps;
  "welcome": WelcomeProps;
  "back-in-stock": BackInStockProps;
  "admin-new-order": AdminNewOrderProps;
  "admin-low-stock": AdminLowStockProps;
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
  "refund-issued": refundIssued,
  "return-update": returnUpdate,
  "shipped": shipped,
  "out-for-delivery": outForDelivery,
  "delivered": delivered,
  "delivery-problem": deliveryProblem,
  "password-reset": passwordReset,
  "email-verification": emailVerification,
  "email-change": emailChange,
  "email-changed": emailChanged,
  "welcome": welcome,
  "back-in-stock": backInStock,
  "admin-new-order": adminNewOrder,
  "admin-low-stock": adminLowStock,
};

export const templateNames = Object.keys(templates) as TemplateName[];

/**
 * HTML to plain text with the options @react-email/render's toPlainText passes to html-to-text (no wrapping, images and
 * data-skip-in-text skipped, bare links, table cells as lines), compiled once: toPlainText builds the converter on every
 * call, which cost most of a render's CPU.
 */
const toPlainText = compile({
  wordwrap: false,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "[data-skip-in-text=true]", format: "skip" },
    { selector: "a", options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
    { selector: '[data-text-format="dataTable"]', format: "dataTable" },
    ...["td", "th"].map((selector) => ({ selector, format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } })),
  ],
});

// What @react-email/render puts before its markup; the Outlook-era clients that matter still read it.
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

// Kept after the first import: each import() resolves its specifier again, which under a loader (tsx) is a round trip
// to the loader's thread, about 0.4 ms of CPU per message in the notification bench.
let reactDomServer: Promise<typeof import("react-dom/server")> | undefined;

/**
 * The subject, HTML and plain text of one message. React renders once, synchronously: our templates never suspend, and
 * react-email's streaming `render` costs about four times as much CPU for the same markup (less its Suspense comments).
 * The text is derived from that HTML, as `render(…, { plainText: true })` would do with a second render. react-dom/server
 * is imported on first use, as @react-email/render does, so a server component may call this.
 */
export async function renderEmail<N extends TemplateName>(name: N, props: TemplateProps[N]): Promise<RenderedEmail> {
  const template: TemplateModule<TemplateProps[N]> | undefined = templates[name];
  if (!template) throw new Error(`No email template named "${name}"`);
  const { renderToStaticMarkup } = await (reactDomServer ??= import("react-dom/server"));
  // React hints every <img> as a preload in <head>; a mail client has no use for it (react-email strips it too).
  const html = DOCTYPE + renderToStaticMarkup(createElement(template.default, props)).replace(/<link rel="preload" as="image"[^>]*>/g, "");
  // A subject is one header line: a newline in a customer's text must not start another.
  const subject = template.subject(props).replace(/\s+/g, " ").trim();
  // Style attributes are most of the markup and none of the text: dropped first, they halve the converter's work. React
  // escapes quotes in text, so ` style="` only ever opens an attribute.
  return { subject, html, text: toPlainText(html.replace(/ style="[^"]*"/g, "")) };
}

/** A template's sample data (its preview props), a fresh copy each call. */
export function previewProps<N extends TemplateName>(name: N): TemplateProps[N] {
  return structuredClone(templates[name].default.PreviewProps);
}
