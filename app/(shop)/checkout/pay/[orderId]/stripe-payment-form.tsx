"use client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe } from "@stripe/stripe-js";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { PaymentOrderInput } from "@/server/payments/schemas";
import { returnUrl } from "./pay-links";

interface StripePaymentFormProps {
  publishableKey: string;
  clientSecret: string;
  input: PaymentOrderInput;
  /** The order page, with the guest's token when there is one. */
  orderPath: string;
}

const LOAD_FAILED = "The card form could not be loaded from Stripe. Check your connection and reload the page; nothing was charged.";

/** Stripe Elements on the PaymentIntent the server opened for this order. */
export function StripePaymentForm({ publishableKey, clientSecret, ...rest }: StripePaymentFormProps) {
  const [loadFailed, setLoadFailed] = useState(false);
  const [stripe] = useState(() =>
    loadStripe(publishableKey).catch(() => {
      setLoadFailed(true);
      return null;
    }),
  );
  if (loadFailed) return <ErrorMessage message={LOAD_FAILED} />;
  return (
    <Elements stripe={stripe} options={{ clientSecret }}>
      <PayForm {...rest} />
    </Elements>
  );
}

function PayForm({ input, orderPath }: Pick<StripePaymentFormProps, "input" | "orderPath">) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.payments.confirm.mutationOptions());
  const [ready, setReady] = useState(false);
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Best effort: the webhook records the outcome too, and the order page waits for it while the order is pending.
  const recordOutcome = () => confirm.mutateAsync(input).catch(() => undefined);

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || paying) return;
    setPaying(true);
    setError(null);
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl(window.location.origin, orderPath) },
      redirect: "if_required",
    });
    if (!result.error) {
      await recordOutcome();
      router.push(orderPath);
      return;
    }
    const message = result.error.message ?? "The payment could not be completed.";
    setPaying(false);
    if (result.error.type !== "card_error") {
      setError(`${message} Nothing was charged.`);
      return;
    }
    // The intent is back to requires_payment_method: the same form may confirm it again with another card.
    setError(`${message} No money was taken. Try another card.`);
    await recordOutcome();
  }

  return (
    <form onSubmit={pay} className="flex flex-col gap-4">
      <PaymentElement
        onReady={() => setReady(true)}
        onLoadError={(e) => setError(e.error.message ?? LOAD_FAILED)}
      />
      {error && <ErrorMessage message={error} />}
      <button
        type="submit"
        disabled={!stripe || !elements || !ready || paying}
        className="rounded-md bg-stone-900 px-4 py-3 font-semibold text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {paying ? "Paying…" : "Pay"}
      </button>
    </form>
  );
}

function ErrorMessage({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {message}
    </p>
  );
}
