"use client";
import type { TRPCClientError } from "@trpc/client";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "@/server/trpc/root";
import { shopApi } from "./shopper-store";

/**
 * "Email me when it's back" for a sold-out variant. A signed-in shopper is known by the account, so the first try sends
 * no address; when the server asks for one (a guest), the address field appears.
 */
export function BackInStockForm({ variantId }: { variantId: number }) {
  const [pending, setPending] = useState(false);
  const [askEmail, setAskEmail] = useState(false);
  const [email, setEmail] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setPending(true);
    try {
      const api = await shopApi();
      await api.stockAlerts.subscribe.mutate({ variantId, email: askEmail ? email : undefined });
      setDone(true);
    } catch (cause) {
      // A tRPC client error, told by its shape: importing isTRPCClientError would make @trpc/client a start-up script of every product page.
      const failure = cause instanceof Error && "data" in cause ? (cause as TRPCClientError<AppRouter>) : undefined;
      const data = failure?.data;
      const emailError = data?.fieldErrors?.email ?? data?.zodIssues?.find((i) => i.path[0] === "email")?.message;
      if (emailError && !askEmail) setAskEmail(true);
      else setError(emailError ?? failure?.message ?? "We could not save that. Please try again.");
    } finally {
      setPending(false);
    }
  }

  if (done) return <p role="status" className="text-sm text-stone-700">We&apos;ll email you once when it&apos;s back in stock.</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      {askEmail && (
        <div className="flex flex-col gap-1">
          <label htmlFor="back-in-stock-email" className="text-sm font-semibold">
            Your email
          </label>
          <input
            id="back-in-stock-email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "back-in-stock-error" : undefined}
            className="rounded-md border border-stone-300 px-3 py-2 text-sm"
          />
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-stone-900 px-5 py-2.5 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50 sm:self-start"
      >
        Email me when it&apos;s back
      </button>
      <p id="back-in-stock-error" role="status" aria-live="polite" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}
