"use client";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { formatMoney } from "@/app/_components/format-money";
import { useTRPC } from "@/app/_trpc/client";
import { FormError, primaryButton, TextField } from "@/app/(auth)/sign-in/auth-card";
import type { CartView } from "@/server/cart/schemas";
import { CheckoutEmail, ShippingAddress, ShippingMethodId } from "@/server/checkout/details-schemas";
import type { ShippingOptions } from "@/server/checkout/shipping-methods";
import { COUNTRIES, countryName } from "./countries";
import { OrderSummary } from "./order-summary";

const CheckoutDetails = z.object({ email: CheckoutEmail, shippingAddress: ShippingAddress, shippingMethod: ShippingMethodId.optional() });

type FieldErrors = Record<string, string>;

/** Field names are unique across the form, so an issue is keyed by the last segment of its path. */
function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[String(issue.path.at(-1) ?? "")] ??= issue.message;
  return errors;
}

const sectionHeading = "mb-4 text-lg font-semibold";

interface CheckoutFormProps {
  cart: CartView;
  /** The carrier's options for the cart: to its saved address, else an estimate; none when nothing in it is posted. */
  shipping: ShippingOptions;
  /** Prefills for a signed-in shopper when the cart has no details yet. */
  email: string;
  name: string;
}

export function CheckoutForm({ cart, shipping, email, name }: CheckoutFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.cart.setCheckoutDetails.mutationOptions());
  const { methods, needsShipping } = shipping;
  // The carrier's refusal of the saved address shows beside its fields.
  const carrierErrors = Object.entries(shipping.addressErrors ?? {}).map(([path, message]) => ({ path: path.split("."), message }));
  const [errors, setErrors] = useState<FieldErrors>(() => fieldErrorsOf(carrierErrors));
  const [error, setError] = useState<string | null>(null);
  const [methodId, setMethodId] = useState(methods.some((m) => m.id === cart.shippingMethod) ? cart.shippingMethod : methods[0]?.id);
  const address = cart.shippingAddress;
  const method = methods.find((m) => m.id === methodId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "");
    const parsed = CheckoutDetails.safeParse({
      email: text("email"),
      shippingAddress: Object.fromEntries(["name", "line1", "line2", "city", "region", "postalCode", "country", "phone"].map((k) => [k, text(k)])),
      // Without options (the carrier refused the saved address) the address is saved alone and quoted again.
      shippingMethod: needsShipping && methods.length > 0 ? text("shippingMethod") : undefined,
    });
    const show = (fieldErrors: FieldErrors) => {
      setErrors(fieldErrors);
      const first = Array.from(formElement.elements).find((el) => el instanceof HTMLElement && "name" in el && (el.name as string) in fieldErrors);
      if (first instanceof HTMLElement) first.focus();
    };
    setError(null);
    if (!parsed.success) return show(fieldErrorsOf(parsed.error.issues));
    setErrors({});
    try {
      await save.mutateAsync(parsed.data);
      if (needsShipping && !parsed.data.shippingMethod) router.refresh();
      else router.push("/checkout/review");
    } catch (e) {
      const issues = e instanceof TRPCClientError ? (e.data as { zodIssues?: { path: string[]; message: string }[] | null })?.zodIssues : null;
      if (issues?.length) show(fieldErrorsOf(issues));
      else setError(e instanceof Error ? e.message : "We could not save your details. Please try again.");
    }
  }

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-8">
        <FormError message={error} />
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading" className={sectionHeading}>
            Contact
          </h2>
          <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={email} required error={errors.email} />
        </section>

        <section aria-labelledby="address-heading" className="grid gap-4 sm:grid-cols-2">
          <h2 id="address-heading" className={`${sectionHeading} sm:col-span-2`}>
            Shipping address
          </h2>
          <div className="sm:col-span-2">
            <TextField label="Full name" name="name" autoComplete="name" defaultValue={address?.name ?? name} required error={errors.name} />
          </div>
          <div className="sm:col-span-2">
            <TextField label="Address line 1" name="line1" autoComplete="address-line1" defaultValue={address?.line1} required error={errors.line1} />
          </div>
          <div className="sm:col-span-2">
            <TextField label="Address line 2 (optional)" name="line2" autoComplete="address-line2" defaultValue={address?.line2} error={errors.line2} />
          </div>
          <TextField label="City" name="city" autoComplete="address-level2" defaultValue={address?.city} required error={errors.city} />
          <TextField label="State, province or region" name="region" autoComplete="address-level1" defaultValue={address?.region} error={errors.region} />
          <TextField label="Postal code" name="postalCode" autoComplete="postal-code" defaultValue={address?.postalCode} required error={errors.postalCode} />
          <CountrySelect defaultValue={address?.country ?? "US"} error={errors.country} />
          <div className="sm:col-span-2">
            <TextField label="Phone (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={address?.phone} error={errors.phone} />
          </div>
        </section>

        {needsShipping && (
          <fieldset aria-describedby={errors.shippingMethod ? "shipping-method-error" : undefined}>
            <legend className={sectionHeading}>Shipping method</legend>
            {shipping.estimateFor && methods.length > 0 && (
              <p className="mb-2 text-xs text-stone-500">Estimated for delivery to {countryName(shipping.estimateFor)}; the price for your address is shown on the next step.</p>
            )}
            {methods.length === 0 && <p className="mb-2 text-sm text-stone-600">No shipping options for this address yet: check it and continue to see them.</p>}
            <div className="flex flex-col gap-2">
              {methods.map((m) => (
                <label key={m.id} className="flex cursor-pointer items-center gap-3 rounded-lg border border-stone-300 px-4 py-3 has-checked:border-stone-900">
                  <input type="radio" name="shippingMethod" value={m.id} checked={methodId === m.id} onChange={() => setMethodId(m.id)} />
                  <span className="flex-1">
                    <span className="block text-sm font-medium">{m.name}</span>
                    <span className="block text-xs text-stone-500">{m.estimate}</span>
                  </span>
                  <span className="text-sm font-medium">{m.amount === 0 ? "Free" : formatMoney(m.amount, m.currency)}</span>
                </label>
              ))}
            </div>
            {errors.shippingMethod && (
              <p id="shipping-method-error" className="mt-1 text-sm text-red-700">
                {errors.shippingMethod}
              </p>
            )}
          </fieldset>
        )}

        <button type="submit" disabled={save.isPending} className={`${primaryButton} sm:w-auto sm:self-end sm:px-8`}>
          {save.isPending ? "Saving…" : "Continue to review"}
        </button>
      </form>
      <OrderSummary cart={cart} shipping={needsShipping ? (method?.amount ?? null) : "none"} />
    </div>
  );
}

function CountrySelect({ defaultValue, error }: { defaultValue: string; error?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="field-country" className="block text-sm font-medium text-stone-800">
        Country
      </label>
      <select
        id="field-country"
        name="country"
        autoComplete="country"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-country-error" : undefined}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 aria-invalid:border-red-600"
      >
        {COUNTRIES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      {error && (
        <p id="field-country-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
