import { TextField } from "@/app/(auth)/sign-in/auth-card";
import { COUNTRIES } from "@/app/(shop)/checkout/countries";
import type { ShippingAddress, ShippingAddressForm } from "@/server/checkout/details-schemas";

export const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "region", "postalCode", "country", "phone"] as const;

/** The raw address fields of a form, typed as the input ShippingAddress parses (and refuses, field by field, when wrong). */
export const addressFromForm = (form: FormData) => Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, String(form.get(k) ?? "")])) as ShippingAddressForm;

/** The inputs of a postal address (checkout, address book), prefilled from `address`, each error beside its field. */
export function AddressFields({ address, name, errors }: { address?: Partial<ShippingAddress> | null; name?: string; errors: Record<string, string> }) {
  return (
    <>
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
    </>
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
