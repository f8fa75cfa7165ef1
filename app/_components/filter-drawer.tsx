"use client";
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useFilterDrawerState } from "./filter-drawer-state";

interface FilterDrawerProps {
  /** "Filters" with how many are active. */
  label: string;
  /** Products matching the filters as they stand; filters apply as they change, so this follows them. */
  resultCount: number;
  children: ReactNode;
}

/** From lg the filters sit beside the grid; on smaller screens a button opens them in a full-screen drawer that ends in "Show N results". */
export function FilterDrawer({ label, resultCount, children }: FilterDrawerProps) {
  const { open, setOpen, scrollTopRef } = useFilterDrawerState();
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);

  // A drawer that mounts open replaces one the last filter change unmounted: it opens where that one was scrolled.
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = scrollTopRef.current;
  }, [scrollTopRef]);

  useEffect(() => {
    if (!open) return;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      opener.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.body.style.overflow = overflow;
      document.removeEventListener("keydown", onKey);
    };
  }, [open, setOpen]);

  // Focus moves when the shopper opens or closes the drawer, not when it mounts open (the filter form restores focus then).
  function show() {
    scrollTopRef.current = 0;
    flushSync(() => setOpen(true));
    closer.current?.focus();
  }

  function close() {
    setOpen(false);
    opener.current?.focus();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls="filter-drawer"
        onClick={show}
        className="flex w-full items-center justify-between rounded-lg border border-stone-300 px-4 py-3 text-sm font-medium lg:hidden"
      >
        {label}
        <span aria-hidden>☰</span>
      </button>
      <div
        id="filter-drawer"
        role={open ? "dialog" : undefined}
        aria-modal={open || undefined}
        aria-labelledby={open ? "filter-drawer-title" : undefined}
        className={`${open ? "fixed inset-0 z-50 flex" : "hidden"} flex-col bg-white lg:static lg:z-auto lg:flex lg:bg-transparent`}
      >
        <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3 lg:hidden">
          <h2 id="filter-drawer-title" className="text-base font-semibold">
            {label}
          </h2>
          <button ref={closer} type="button" onClick={close} aria-label="Close filters" className="rounded-md px-2 py-1 text-xl leading-none hover:bg-stone-100">
            ×
          </button>
        </div>
        <div
          ref={body}
          onScroll={(event) => (scrollTopRef.current = event.currentTarget.scrollTop)}
          className="flex-1 overflow-y-auto p-4 lg:overflow-visible lg:p-0"
        >
          {children}
        </div>
        <div className="border-t border-stone-200 p-4 lg:hidden">
          <button type="button" onClick={close} className="w-full rounded-md bg-stone-900 px-4 py-3 text-sm font-medium text-white hover:bg-stone-700">
            Show {resultCount.toLocaleString("en-US")} {resultCount === 1 ? "result" : "results"}
          </button>
        </div>
      </div>
    </>
  );
}
