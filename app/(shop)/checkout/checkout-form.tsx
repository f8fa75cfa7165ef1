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
import type { SavedAddress } from "@/server/users/address-book";
import { AddressFields, addressFromForm } from "@/app/_components/address-fields";
import { countryName } from "./countries";
import { OrderSummary } from "./order-summary";
import { NEW_ADDRESS, SavedAddressPicker } from "./saved-address-picker";

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
  /** The signed-in shopper's address book (empty for a guest). */
  saved: SavedAddress[];
  signedIn: boolean;
}

export function CheckoutForm({ cart, shipping, email, name, saved, signedIn }: CheckoutFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.cart.setCheckoutDetails.mutationOptions());
  const saveAddress = useMutation(trpc.users.saveAddress.mutationOptions());
  // A saved address fills the form: the cart's own address when it has one, else the default for shipping.
  const [chosen, setChosen] = useState(cart.shippingAddress ? NEW_ADDRESS : (saved.find((a) => a.defaultShipping)?.id ?? NEW_ADDRESS));
  const chosenAddress = saved.find((a) => a.id === chosen)?.address ?? cart.shippingAddress;
  const { methods, needsShipping } = shipping;
  // The carrier's refusal of the saved address shows beside its fields.
  const carrierErrors = Object.entries(shipping.addressErrors ?? {}).map(([path, message]) => ({ path: path.split("."), message }));
  const [errors, setErrors] = useState<FieldErrors>(() => fieldErrorsOf(carrierErrors));
  const [error, setError] = useState<string | null>(null);
  const [methodId, setMethodId] = useState(methods.some((m) => m.id === cart.shippingMethod) ? cart.shippingMethod : methods[0]?.id);
  const method = methods.find((m) => m.id === methodId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "");
    const parsed = CheckoutDetails.safeParse({
      email: text("email"),
      shippingAddress: addressFromForm(form),
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
      if (form.get("saveAddress")) await saveAddress.mutateAsync({ address: parsed.data.shippingAddress, defaultShipping: saved.length === 0 }).catch(() => null);
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
          {saved.length > 0 && (
            <SavedAddressPicker saved={saved} chosen={chosen} onChoose={setChosen} />
          )}
          <AddressFields key={chosen} address={chosenAddress} name={name} errors={errors} />
          {signedIn && chosen === NEW_ADDRESS && (
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" name="saveAddress" /> Save this address to my account
            </label>
          )}
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
