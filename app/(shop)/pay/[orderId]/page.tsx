import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { ClosedNotice, RetryNotice } from "@/app/_components/order-pay-notice";
import { getCaller } from "@/app/_trpc/server";
import { orderPagePath } from "@/server/orders/order-link";
import { PaymentOrderInput } from "@/server/payments/schemas";
import { formatCardNumber, TEST_CARDS } from "@/server/payments/test-cards";
import { withOrderToken } from "../../checkout/pay/[orderId]/pay-links";

export const metadata: Metadata = { title: "Pay with a test card", robots: { index: false } };

interface PayPageProps {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ERRORS: Record<string, string> = {
  card: "Choose one of the test cards below.",
  closed: "This order is no longer waiting for payment.",
  unavailable: "The payment simulator could not reach the shop. Nothing was charged; try again.",
};

export default async function PayPage({ params, searchParams }: PayPageProps) {
  const [{ orderId }, { token, error }] = await Promise.all([params, searchParams]);
  const input = PaymentOrderInput.safeParse(typeof token === "string" ? { orderId, accessToken: token } : { orderId });
  if (!input.success) notFound();
  const caller = await getCaller();
  const session = await caller.payments.session(input.data).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!session) notFound();
  if (session.provider === "stripe") redirect(withOrderToken(`/checkout/pay/${orderId}`, input.data.accessToken));
  const errorMessage = typeof error === "string" ? ERRORS[error] : undefined;
  // A guest's pay token dies with the hold; the order page gets its own longer link.
  const orderHref = session.guest ? orderPagePath(orderId) : `/orders/${orderId}`;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10 sm:px-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm uppercase tracking-wide text-stone-500">Payment simulator</p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Pay for order #{session.number}</h1>
        <p className="text-3xl font-semibold">{formatMoney(session.totalAmount, session.currency)}</p>
      </div>

      {errorMessage && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {errorMessage}
        </p>
      )}
      {session.canPay ? (
        <>
          <RetryNotice session={session} />
          <form method="post" action={`/pay/${orderId}/submit`} className="flex flex-col gap-3">
            {input.data.accessToken && <input type="hidden" name="token" value={input.data.accessToken} />}
            <p className="text-sm text-stone-600">No real card is charged. Choose how the payment should go:</p>
            {TEST_CARDS.map((card) => (
              <button
                key={card.number}
                type="submit"
                name="card"
                value={card.number}
                className="flex items-center justify-between gap-4 rounded-md border border-stone-300 px-4 py-3 text-left hover:border-stone-500 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
              >
                <span className="font-mono tracking-wider">{formatCardNumber(card.number)}</span>
                <span className={card.outcome === "succeeded" ? "text-sm text-emerald-700" : "text-sm text-red-700"}>{card.label}</span>
              </button>
            ))}
          </form>
        </>
      ) : (
        <ClosedNotice session={session} />
      )}

      <Link href={orderHref} className="self-start text-sm text-stone-600 underline-offset-2 hover:underline">
        View the order
      </Link>
    </div>
  );
}
