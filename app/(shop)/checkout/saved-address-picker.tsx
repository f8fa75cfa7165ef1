import type { SavedAddress } from "@/server/users/address-book";

export const NEW_ADDRESS = "new";

/** One radio per saved address, plus "a new address"; choosing one refills the address fields below. */
export function SavedAddressPicker({ saved, chosen, onChoose }: { saved: SavedAddress[]; chosen: string; onChoose: (id: string) => void }) {
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-2 text-sm font-medium text-stone-800">Your saved addresses</legend>
      {[...saved.map((a) => ({ id: a.id, label: `${a.address.name}, ${a.address.line1}, ${a.address.city} ${a.address.postalCode}` })), { id: NEW_ADDRESS, label: "A new address" }].map(
        ({ id, label }) => (
          <label key={id} className="flex cursor-pointer items-center gap-3 rounded-lg border border-stone-300 px-4 py-2 text-sm has-checked:border-stone-900">
            <input type="radio" name="savedAddress" value={id} checked={chosen === id} onChange={() => onChoose(id)} />
            {label}
          </label>
        ),
      )}
    </fieldset>
  );
}
