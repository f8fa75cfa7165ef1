"use client";
import { invalidProps, type FieldErrors } from "../_lib/form-errors";
import { emptyVariant, optionKey, splitValues, type PairDraft, type VariantDraft } from "../_lib/product-draft";
import { inputClass } from "./field";
import { RowCell, RowInput, rowButtonClass } from "./row-cell";

interface VariantRowsProps {
  variants: VariantDraft[];
  /** The declared options (name, comma-separated values): one select per option in each row. */
  options: PairDraft[];
  errors: FieldErrors;
  /** Where a new variant's initial stock can be counted in: one column each. */
  warehouses: { id: number; name: string }[];
  onChange: (variants: VariantDraft[]) => void;
  /** Staff: prices read only and no new variants (the server refuses staff a price change). */
  pricesLocked?: boolean;
}

/** The sellable variants: prices are typed in currency units ("12.34") and sent as minor units. */
export function VariantRows({ variants, options, errors, warehouses, onChange, pricesLocked = false }: VariantRowsProps) {
  const set = (i: number, patch: Partial<VariantDraft>) => onChange(variants.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const declared = options
    .filter((o) => optionKey(o.first))
    .map((o) => ({ rowKey: o.key, key: optionKey(o.first), name: o.first.trim(), values: splitValues(o.second) }));
  const headings = ["SKU", "Title", ...declared.map((o) => o.name), "Price", "Compare at", "Weight (g)", "Currency", ...warehouses.map((w) => `Stock: ${w.name}`), ""];

  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold">Variants</legend>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[56rem] text-sm">
          <thead>
            <tr className="text-left text-xs text-stone-500">
              {headings.map((h, i) => (
                <th key={i} scope="col" className="px-1 pb-1 font-normal">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {variants.map((v, i) => {
              const p = `variants.${i}`;
              const label = (what: string) => `Variant ${i + 1} ${what}`;
              return (
                <tr key={v.key} className="align-top">
                  <td className="p-1">
                    <RowInput label={label("SKU")} path={`${p}.sku`} errors={errors} value={v.sku} onChange={(sku) => set(i, { sku })} />
                  </td>
                  <td className="p-1">
                    <RowInput label={label("Title")} path={`${p}.title`} errors={errors} value={v.title} onChange={(title) => set(i, { title })} />
                  </td>
                  {declared.map((option) => {
                    const path = `${p}.optionValues.${option.key}`;
                    const value = v.optionValues[option.key] ?? "";
                    const choices = value && !option.values.includes(value) ? [value, ...option.values] : option.values;
                    return (
                      <td key={option.rowKey} className="p-1">
                        <RowCell path={path} errors={errors}>
                          <select
                            {...invalidProps(path, errors)}
                            aria-label={label(option.name)}
                            className={inputClass}
                            value={value}
                            onChange={(e) => set(i, { optionValues: { ...v.optionValues, [option.key]: e.target.value } })}
                          >
                            <option value="">Choose…</option>
                            {choices.map((choice) => (
                              <option key={choice}>{choice}</option>
                            ))}
                          </select>
                        </RowCell>
                      </td>
                    );
                  })}
                  <td className="w-28 p-1">
                    <RowInput label={label("Price")} path={`${p}.priceAmount`} errors={errors} value={v.price} inputMode="decimal" readOnly={pricesLocked} onChange={(price) => set(i, { price })} />
                  </td>
                  <td className="w-28 p-1">
                    <RowInput label={label("Compare-at")} path={`${p}.compareAtAmount`} errors={errors} value={v.compareAt} inputMode="decimal" readOnly={pricesLocked} onChange={(compareAt) => set(i, { compareAt })} />
                  </td>
                  <td className="w-24 p-1">
                    <RowInput label={label("Weight (g)")} path={`${p}.weightGrams`} errors={errors} value={v.weightGrams} inputMode="numeric" onChange={(weightGrams) => set(i, { weightGrams })} />
                  </td>
                  <td className="w-20 p-1">
                    <RowInput label={label("Currency")} path={`${p}.currency`} errors={errors} value={v.currency} onChange={(currency) => set(i, { currency: currency.toUpperCase() })} />
                  </td>
                  {warehouses.map((w, j) => (
                    <td key={w.id} className="w-24 p-1">
                      {v.id === undefined ? (
                        <RowInput
                          label={label(`initial stock in ${w.name}`)}
                          path={`${p}.initialStock.${j}.onHand`}
                          errors={errors}
                          value={v.stock[w.id] ?? ""}
                          inputMode="numeric"
                          onChange={(units) => set(i, { stock: { ...v.stock, [w.id]: units } })}
                        />
                      ) : (
                        <span className="block px-2 py-1.5 text-stone-500" title="Change stock on the Inventory page">
                          —
                        </span>
                      )}
                    </td>
                  ))}
                  <td className="p-1">
                    <button type="button" className={rowButtonClass} disabled={variants.length === 1} onClick={() => onChange(variants.filter((_, j) => j !== i))} aria-label={`Remove variant ${i + 1}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!pricesLocked && (
        <div>
          <button type="button" className={rowButtonClass} onClick={() => onChange([...variants, emptyVariant(variants[0]?.currency)])}>
            Add variant
          </button>
        </div>
      )}
    </fieldset>
  );
}
