import Link from "next/link";
import type { ProductFacets, ProductFacetsInput } from "@/server/catalog/schemas";
import { FacetGroup } from "./facet-group";
import { FilterDrawer } from "./filter-drawer";
import { facetChoices } from "./facet-values";
import { FilterForm } from "./filter-form";
import { minorToUnits } from "./listing-params";

export interface CategoryLink {
  name: string;
  href: string;
  count?: number;
  current?: boolean;
}

interface FilterSidebarProps {
  /** Changes with the URL, so the uncontrolled inputs start over from what it says. */
  formKey: string;
  action: string;
  facets: ProductFacets;
  filters: ProductFacetsInput;
  /** Parameters the form must carry along that it has no visible control for (the search query). */
  hidden: Record<string, string | undefined>;
  clearHref: string | null;
  categories?: { title: string; links: CategoryLink[] };
}

export function FilterSidebar({ formKey, action, facets, filters, hidden, clearHref, categories }: FilterSidebarProps) {
  const activeCount =
    (filters.brands?.length ?? 0) +
    Object.values(filters.options ?? {}).reduce((n, values) => n + values.length, 0) +
    (filters.inStock ? 1 : 0) +
    (filters.minPrice !== undefined || filters.maxPrice !== undefined ? 1 : 0);

  return (
    <FilterDrawer label={`Filters${activeCount > 0 ? ` (${activeCount} active)` : ""}`} resultCount={facets.total}>
      <div className="flex flex-col gap-6">
        {categories && categories.links.length > 0 && (
          <nav aria-label={categories.title}>
            <h2 className="mb-2 text-sm font-semibold">{categories.title}</h2>
            <ul className="flex flex-col gap-1.5 text-sm">
              {categories.links.map((link) => (
                <li key={link.href} className="flex justify-between gap-2">
                  <Link href={link.href} aria-current={link.current ? "page" : undefined} className="hover:underline aria-[current=page]:font-semibold">
                    {link.name}
                  </Link>
                  {link.count !== undefined && <span className="text-xs text-stone-500">{link.count}</span>}
                </li>
              ))}
            </ul>
          </nav>
        )}
        <FilterForm key={formKey} action={action} className="flex flex-col gap-6">
          {Object.entries(hidden).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
          {(facets.brands.length > 0 || filters.brands) && (
            <FacetGroup legend="Brand" idPrefix="brand" name="brand" values={facetChoices(facets.brands, filters.brands)} selected={filters.brands ?? []} />
          )}
          {facets.options.map((option) => {
            const key = option.name.toLowerCase();
            const selected = filters.options?.[key] ?? [];
            const legend = option.name.charAt(0).toUpperCase() + option.name.slice(1);
            return <FacetGroup key={key} legend={legend} idPrefix={key} name={key} values={facetChoices(option.values, selected)} selected={selected} />;
          })}
          <FacetGroup
            legend="Availability"
            idPrefix="instock"
            name="instock"
            values={[{ value: "1", label: "In stock only", count: facets.inStockCount }]}
            selected={filters.inStock ? ["1"] : []}
          />
          <fieldset>
            <legend className="mb-2 text-sm font-semibold">Price ({facets.price.currency})</legend>
            <div className="flex items-center gap-2">
              <PriceInput name="min" label="Min" value={filters.minPrice} placeholder={facets.price.min} round={Math.floor} />
              <span aria-hidden>–</span>
              <PriceInput name="max" label="Max" value={filters.maxPrice} placeholder={facets.price.max} round={Math.ceil} />
            </div>
          </fieldset>
          <div className="flex items-center gap-4">
            <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
              Apply filters
            </button>
            {clearHref && (
              <Link href={clearHref} className="text-sm underline">
                Clear filters
              </Link>
            )}
          </div>
        </FilterForm>
      </div>
    </FilterDrawer>
  );
}

function PriceInput(props: { name: string; label: string; value: number | undefined; placeholder: number | null; round: (n: number) => number }) {
  return (
    <label className="flex flex-1 flex-col gap-1 text-xs text-stone-600">
      <span>
        {props.label}
        <span className="sr-only"> price</span>
      </span>
      <input
        type="number"
        name={props.name}
        min={0}
        step="any"
        inputMode="numeric"
        defaultValue={minorToUnits(props.value)}
        placeholder={minorToUnits(props.placeholder, props.round)}
        className="w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm text-stone-900"
      />
    </label>
  );
}
