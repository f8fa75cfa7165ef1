"use client";
import { useState, type ReactNode } from "react";

/** On phones the admin menu folds behind a Menu button (closed again by following a link); from md up it is always open. */
export function CollapsibleMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="admin-menu"
        onClick={() => setOpen((o) => !o)}
        className="absolute top-3 right-4 rounded border border-stone-300 px-3 py-1 text-sm md:hidden"
      >
        Menu
      </button>
      <div
        id="admin-menu"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={`${open ? "flex" : "hidden"} flex-1 flex-col gap-4 md:flex [&_ul]:flex-col`}
      >
        {children}
      </div>
    </>
  );
}
