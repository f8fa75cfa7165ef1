export interface FacetValue {
  value: string;
  count: number;
}

const SIZE_SCALE = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];

/**
 * The values to offer as checkboxes: selected ones the facet no longer counts stay (at 0) so they can be unticked,
 * and sizes read in their natural order (XS, S, M... or 6, 7, 8) instead of by count.
 */
export function facetChoices(values: FacetValue[], selected: string[] = []): FacetValue[] {
  const present = new Set(values.map((v) => v.value));
  const all = [...values, ...selected.filter((s) => !present.has(s)).map((value) => ({ value, count: 0 }))];
  const sizeRank = (v: string) => SIZE_SCALE.indexOf(v.toUpperCase());
  if (all.length > 1 && all.every((v) => sizeRank(v.value) >= 0)) return all.sort((a, b) => sizeRank(a.value) - sizeRank(b.value));
  if (all.length > 1 && all.every((v) => /^\d+(\.\d+)?$/.test(v.value))) return all.sort((a, b) => Number(a.value) - Number(b.value));
  return all;
}
