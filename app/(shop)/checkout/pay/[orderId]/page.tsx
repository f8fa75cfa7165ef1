import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { getCaller } from "@/app/_trpc/server";
import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { env } from "@/server/env";
import { orderPagePath } from "@/server/orders/order-link";
import type { PaySessionView } from "@/server/payments/get-pay-session";
import { PaymentOrderInput } from "@/server/payments/schemas";
import { startPayment } from "@/server/payments/start-payment";
import { declineMessage } from "@/server/payments/test-cards";
import { withOrderToken } from "./pay-links";
import { StripePaymentForm } from "./stripe-payment-form";

export const metadata: Metadata = { title: "Pay for your order", robots: { index: false } };

interface StripePayPageProps {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function StripePayPage({ params, searchParams }: StripePayPageProps) {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  const input = PaymentOrderInput.safeParse(typeof token === "string" ? { orderId, accessToken: token } : { orderId });
  if (!input.success) notFound();
  const caller = await getCaller();
  const session = await caller.payments.session(input.data).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!session) notFound();
  const { accessToken } = input.data;
  if (session.provider === "simulator") redirect(withOrderToken(`/pay/${orderId}`, accessToken));
  // A guest's pay token dies with the reservation; the order page gets its own 90-day link.
  const orderPath = accessToken ? orderPagePath(orderId) : `/orders/${orderId}`;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Pay for order #{session.number}</h1>
        <p className="text-3xl font-semibold">{formatMoney(session.totalAmount, session.currency)}</p>
      </div>
      <PaymentStep session={session} input={input.data} orderPath={orderPath} />
      <Link href={orderPath} className="self-start text-sm text-stone-600 underline-offset-2 hover:underline">
        View the order
      </Link>
    </div>
  );
}

async function PaymentStep({ session, input, orderPath }: { session: PaySessionView; input: PaymentOrderInput; orderPath: string }) {
  if (session.provider !== "stripe" || session.orderStatus !== "pending" || session.paymentStatus !== "awaiting") {
    return <Notice alert={session.failureReason !== null}>{closedMessage(session)}</Notice>;
  }

  const publishableKey = env().STRIPE_PUBLISHABLE_KEY;
  if (!publishableKey) {
    return (
      <Notice alert>
        Card payments are not set up on this shop: STRIPE_PUBLISHABLE_KEY is missing while STRIPE_SECRET_KEY is set. Nothing was charged; please try again
        later.
      </Notice>
    );
  }
  // Reads the intent opened when the order was placed (payments.session does not carry its client secret).
  const { clientSecret } = await startPayment({ db: appDb(), actor: await currentActor() }, { orderId: input.orderId });
  if (!clientSecret) return <Notice alert>This payment cannot be completed in the browser. Nothing was charged.</Notice>;
  return <StripePaymentForm publishableKey={publishableKey} clientSecret={clientSecret} input={input} orderPath={orderPath} />;
}

function closedMessage(session: PaySessionView): string {
  if (session.orderStatus === "paid" || session.paymentStatus === "succeeded") return "This order is paid. Thank you!";
  if (session.failureReason) {
    const fate = session.orderStatus === "cancelled" ? "has been cancelled" : "will be cancelled";
    return `${declineMessage(session.failureReason)} No money was taken. This order ${fate}: add its items to your cart again to place a new order.`;
  }
  if (session.orderStatus === "cancelled" || session.paymentStatus === "cancelled") return "This order was cancelled, so it can no longer be paid.";
  if (session.orderStatus === "refunded") return "This order was paid and then refunded.";
  return "The payment for this order could not be opened. Nothing was charged; the order is cancelled when its reservation expires.";
}

function Notice({ alert = false, children }: { alert?: boolean; children: ReactNode }) {
  const tone = alert ? "border-red-200 bg-red-50 text-red-800" : "border-stone-200 bg-stone-50 text-stone-700";
  return (
    <p role={alert ? "alert" : undefined} className={`rounded-md border px-4 py-3 text-sm ${tone}`}>
      {children}
    </p>
  );
}
