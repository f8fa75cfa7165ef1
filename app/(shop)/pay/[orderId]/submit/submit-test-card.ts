import type { ServiceContext } from "@/server/context";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { DomainError } from "@/server/errors";
import { orderPagePath } from "@/server/orders/order-link";
import { PaymentOrderInput } from "@/server/payments/schemas";
import { simulateCardPayment } from "@/server/payments/simulate-card-payment";

export interface SubmitTestCardDeps {
  ctx: ServiceContext;
  orderId: string;
  /** Runs a delivery later, after the response (Next's `after` in the route; tests collect them). */
  defer: (deliver: () => Promise<void>, delayMs: number) => void;
}

/**
 * The test-card form's POST: the simulator charges the card by posting a signed event to our own webhook at NEXTAUTH_URL
 * (never at the request's Host, which the client chooses), then sends the shopper to the order page, or back to /pay
 * to see why the card was declined.
 */
export async function submitTestCard(request: Request, { ctx, orderId, defer }: SubmitTestCardDeps): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const text = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const input = PaymentOrderInput.safeParse({ orderId, accessToken: text("token") });
  if (!input.success) return new Response("Order not found", { status: 404 });
  const { accessToken } = input.data;

  const origin = new URL(request.url).origin;
  const redirect = (path: string) => new Response(null, { status: 303, headers: { location: new URL(path, origin).toString() } });
  const backToPay = (error?: string) => {
    const query = new URLSearchParams({ ...(error && { error }), ...(accessToken && { token: accessToken }) }).toString();
    return redirect(`/pay/${orderId}${query ? `?${query}` : ""}`);
  };

  let payment;
  try {
    payment = await simulateCardPayment(ctx, { orderId, accessToken, cardNumber: text("card") ?? "", webhookUrl: new URL("/api/webhooks/stripe", env().NEXTAUTH_URL).toString() });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.kind === "NotFound") return new Response("Order not found", { status: 404 });
    return backToPay(error.kind === "Invalid" ? "card" : "closed");
  }
  const orderPage = () => redirect(payment.guest ? orderPagePath(orderId) : `/orders/${orderId}`);

  if (payment.delayMs > 0) {
    defer(payment.deliver, payment.delayMs);
    return orderPage();
  }
  try {
    await payment.deliver();
  } catch (error) {
    log().error({ err: error, orderId }, "payment simulator: the payment's event was not delivered");
    return backToPay("unavailable");
  }
  return payment.outcome === "succeeded" ? orderPage() : backToPay();
}
