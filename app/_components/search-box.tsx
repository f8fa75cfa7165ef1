"use client";
import Form from "next/form";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Suggestions } from "@/server/search/schemas";
import { shopApi } from "./shopper-store";

const LISTBOX_ID = "site-search-suggestions";

/** The text after it has stopped changing for `ms`. */
function useDebounced(value: string, ms: number) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Suggestions for `q`, asked once per text while this field lives; undefined until they come. */
function useSuggestions(q: string, wanted: boolean): Suggestions | undefined {
  const [found, setFound] = useState<Record<string, Suggestions>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!wanted || asked.current.has(q)) return;
    asked.current.add(q);
    shopApi()
      .then((api) => api.catalog.suggest.query({ q }))
      .then(
        (suggestions) => setFound((all) => ({ ...all, [q]: suggestions })),
        () => asked.current.delete(q),
      );
  }, [q, wanted]);
  return wanted ? found[q] : undefined;
}

/**
 * The header's search field, a combobox: after two characters it lists matching categories and products under the
 * field; arrow keys move through them, Enter opens the one chosen (or searches when none is), Escape closes the list.
 */
export function SearchBox({ className }: { className?: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = pathname === "/search" ? (searchParams.get("q") ?? "") : "";
  // Keyed by the query so the field follows the URL when it changes elsewhere.
  return <SearchField key={q} initial={q} className={className} />;
}

function SearchField({ initial, className }: { initial: string; className?: string }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text.trim(), 150);
  const data = useSuggestions(typed, open && typed.length >= 2);

  const options = [
    ...(data?.categories ?? []).map((c) => ({ key: `c-${c.slug}`, href: `/c/${c.slug}`, label: c.name, detail: "Category" })),
    ...(data?.products ?? []).map((p) => ({ key: `p-${p.slug}`, href: `/p/${p.slug}`, label: p.title, detail: p.brand })),
  ];
  const expanded = open && typed.length >= 2 && options.length > 0;

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((i) => (event.key === "ArrowDown" ? (i + 1) % options.length : (i - 1 + options.length) % options.length));
    } else if (event.key === "Enter" && expanded && options[active]) {
      event.preventDefault();
      go(options[active].href);
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <Form action="/search" prefetch={false} role="search" className={`relative flex w-full ${className ?? ""}`}>
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        placeholder="Search products"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={LISTBOX_ID}
        aria-activedescendant={expanded && options[active] ? `${LISTBOX_ID}-${options[active].key}` : undefined}
        className="min-w-0 flex-1 rounded-l-md border border-r-0 border-stone-300 bg-white px-3 py-2 text-sm placeholder:text-stone-500"
      />
      <button type="submit" className="rounded-r-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
        Search
      </button>
      <ul
        id={LISTBOX_ID}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-30 mt-1 max-h-96 overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((option, i) => (
          <li
            key={option.key}
            id={`${LISTBOX_ID}-${option.key}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: it lands before the field's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              go(option.href);
            }}
            className={`flex cursor-pointer justify-between gap-3 px-3 py-2 ${i === active ? "bg-stone-100" : ""}`}
          >
            <span className="truncate">{option.label}</span>
            <span className="shrink-0 text-stone-500">{option.detail}</span>
          </li>
        ))}
      </ul>
    </Form>
  );
}
