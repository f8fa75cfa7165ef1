import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { ClosedNotice, PayNotice, RetryNotice } from "@/app/_components/order-pay-notice";
import { getCaller } from "@/app/_trpc/server";
import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { env } from "@/server/env";
import { orderPagePath } from "@/server/orders/order-link";
import type { PaySessionView } from "@/server/payments/get-pay-session";
import { PaymentOrderInput } from "@/server/payments/schemas";
import { startPayment } from "@/server/payments/start-payment";
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
  if (session.provider !== "stripe" || !session.acceptsPayment) return <ClosedNotice session={session} />;

  const publishableKey = env().STRIPE_PUBLISHABLE_KEY;
  if (!publishableKey) {
    return (
      <PayNotice alert>
        Card payments are not set up on this shop: STRIPE_PUBLISHABLE_KEY is missing while STRIPE_SECRET_KEY is set. Nothing was charged; please try again
        later.
      </PayNotice>
    );
  }
  // Reads the intent opened when the order was placed (payments.session does not carry its client secret). After a
  // decline Stripe leaves that intent waiting for another payment method, so the same one takes the next card.
  const { clientSecret } = await startPayment({ db: appDb(), actor: await currentActor() }, { orderId: input.orderId });
  if (!clientSecret) return <PayNotice alert>This payment cannot be completed in the browser. Nothing was charged.</PayNotice>;
  return (
    <>
      <RetryNotice session={session} />
      <StripePaymentForm publishableKey={publishableKey} clientSecret={clientSecret} input={input} orderPath={orderPath} />
    </>
  );
}
