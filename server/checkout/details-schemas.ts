import { z } from "zod";
import { checkAddressForCountry } from "./address-rules";
import { toE164 } from "./phone-number";

// Optional form fields arrive as "" when left empty.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const requiredText = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Use at most ${max} characters`);

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A two-letter ISO 3166 country code that Intl knows by name (so "QQ" and "ZZ", "Unknown Region", are refused). */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  // abort: Intl.DisplayNames throws a RangeError on anything that is not a region code.
  .regex(/^[A-Z]{2}$/, { error: "Choose a country", abort: true })
  .refine((code) => code !== "ZZ" && regionNames.of(code) !== code, "Choose a country");

export const ShippingAddress = z
  .strictObject({
    name: requiredText(100, "Enter the recipient's full name"),
    line1: requiredText(200, "Enter the street address"),
    line2: optionalText(200),
    city: requiredText(100, "Enter the city"),
    region: optionalText(100),
    postalCode: requiredText(20, "Enter the postal code"),
    country: CountryCode,
    phone: optionalText(30).refine((p) => p === undefined || /^\+?[0-9 ()./-]{5,30}$/.test(p), "Enter a phone number with digits only"),
  })
  // Per-country rules (address-rules.ts), each error on its own field so the form shows it beside the input.
  .superRefine((address, ctx) => {
    const { errors } = checkAddressForCountry(address);
    for (const [field, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [field], message });
    if (address.phone && !toE164(address.phone, address.country))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter the phone number with its country code, like +44 7700 900123" });
  })
  // Phone numbers are kept in E.164, the form SMS providers take.
  .transform((address) => {
    const { postalCode, region } = checkAddressForCountry(address);
    return { ...address, postalCode, region, phone: address.phone && (toE164(address.phone, address.country) ?? undefined) };
  });
export type ShippingAddress = z.output<typeof ShippingAddress>;
export type ShippingAddressForm = z.input<typeof ShippingAddress>;

export const CheckoutEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));

/** The carrier's name for a service ("Ground", "Express"), as listShippingMethods offered it; the price is never sent. */
export const ShippingMethodId = z
  .string("Choose a shipping method")
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a shipping method");
export type ShippingMethodId = z.infer<typeof ShippingMethodId>;

/** Any subset of the checkout details; the cart is the caller's own, never named by the client. */
export const SetCheckoutDetailsInput = z.strictObject({
  email: CheckoutEmail.optional(),
  shippingAddress: ShippingAddress.optional(),
  shippingMethod: ShippingMethodId.optional(),
});
export type SetCheckoutDetailsInput = z.input<typeof SetCheckoutDetailsInput>;
export type CheckoutDetails = z.output<typeof SetCheckoutDetailsInput>;
