import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import { FlaggedPaymentNotice, PaymentPanel } from "./payment-panel";

const at = new Date("2026-12-03T09:30:00Z");
type Payment = NonNullable<AdminOrderView["payment"]>;
type Refund = Payment["refunds"][number];

const refund = (over: Partial<Refund>): Refund => ({
  id: crypto.randomUUID(),
  amount: 1000,
  reason: null,
  providerRefundId: null,
  status: "succeeded",
  origin: "shop",
  failureReason: null,
  createdAt: at,
  ...over,
});

const payment = (over: Partial<Payment> = {}): Payment => ({
  id: "pay_1",
  provider: "stripe",
  providerPaymentId: "pi_1",
  amount: 5000,
  currency: "USD",
  status: "succeeded",
  flaggedReason: null,
  flaggedAt: null,
  createdAt: at,
  updatedAt: at,
  refunds: [],
  ...over,
});

const text = (html: string) => html.replaceAll(/<[^>]+>/g, " ").replaceAll(/\s+/g, " ");

describe("the admin payment panel", () => {
  it("lists each refund with its state, where it was made and why it failed", () => {
    const refunds = [
      refund({ amount: 1000, reason: "damaged" }),
      refund({ amount: 500, status: "pending" }),
      refund({ amount: 700, status: "failed", failureReason: "charge_disputed" }),
      refund({ amount: 300, origin: "provider" }),
    ];
    const html = text(renderToStaticMarkup(createElement(PaymentPanel, { payment: payment({ refunds }), reconciliation: [] })));

    expect(html).toContain("Refunded $10.00");
    expect(html).toContain("damaged");
    expect(html).toContain("Refund pending $5.00");
    expect(html).toContain("Refund failed $7.00");
    expect(html).toContain("Failed: charge_disputed");
    expect(html).toMatch(/Refunded \$3\.00 .* Made at the payment provider/);
    expect(html).not.toContain("Repaired by the reconciliation");
  });

  it("shows what the reconciliation repaired", () => {
    const reconciliation = [{ id: 7, type: "reconciled", detail: "late success recorded from Stripe", createdAt: at }];
    const html = text(renderToStaticMarkup(createElement(PaymentPanel, { payment: payment(), reconciliation })));
    expect(html).toContain("Repaired by the reconciliation");
    expect(html).toContain("late success recorded from Stripe");
  });

  it("raises a flagged payment as an alert with its reason", () => {
    const html = renderToStaticMarkup(createElement(FlaggedPaymentNotice, { payment: payment({ flaggedReason: "succeeded for 4000 USD, expected 5000 USD", flaggedAt: at }) }));
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Payment needs attention succeeded for 4000 USD, expected 5000 USD");
  });
});
