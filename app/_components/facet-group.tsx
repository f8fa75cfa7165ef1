"use client";
import type { FacetValue } from "./facet-values";

/** How many values a filter shows before "Show more". */
const VISIBLE_VALUES = 10;

interface FacetGroupProps {
  legend: string;
  /** Prefixes the inputs' ids. */
  idPrefix: string;
  name: string;
  values: (FacetValue & { label?: string })[];
  selected: string[];
}

/**
 * One filter's checkboxes with their counts; past the first ten the rest fold under "Show N more", open when one of them
 * is ticked. A client component only so the page's RSC payload carries its values and counts, not every checkbox's markup.
 */
export function FacetGroup({ legend, idPrefix, name, values, selected }: FacetGroupProps) {
  const choice = (v: FacetValue & { label?: string }, i: number) => (
    <Choice key={v.value} id={`${idPrefix}-${i}`} name={name} value={v.value} label={v.label} count={v.count} checked={selected.includes(v.value)} />
  );
  const more = values.slice(VISIBLE_VALUES);
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      <ul className="facet-choices flex flex-col gap-1.5">{values.slice(0, VISIBLE_VALUES).map(choice)}</ul>
      {more.length > 0 && (
        <details open={more.some((v) => selected.includes(v.value))} className="group/more mt-1.5">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            <span className="group-open/more:hidden">Show {more.length} more</span>
            <span className="hidden group-open/more:inline">Show fewer</span>
          </summary>
          <ul className="facet-choices mt-1.5 flex max-h-64 flex-col gap-1.5 overflow-y-auto">{more.map((v, i) => choice(v, i + VISIBLE_VALUES))}</ul>
        </details>
      )}
    </fieldset>
  );
}

function Choice(props: { id: string; name: string; value: string; label?: string; count: number; checked: boolean }) {
  const countId = `facet-${props.id}-count`;
  return (
    <li>
      <label>
        <input
          type="checkbox"
          name={props.name}
          value={props.value}
          defaultChecked={props.checked}
          disabled={props.count === 0 && !props.checked}
          aria-describedby={countId}
        />
        {props.label ?? props.value}
      </label>
      <span id={countId}>
        {props.count}
        <span className="sr-only">{props.count === 1 ? " product" : " products"}</span>
      </span>
    </li>
  );
}
