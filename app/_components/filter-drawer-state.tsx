"use client";
import { createContext, useContext, useRef, useState, type ReactNode, type RefObject } from "react";

interface DrawerState {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** How far the open drawer is scrolled, so a page that replaces it opens it at the same place. */
  scrollTopRef: RefObject<number>;
}

const DrawerStateContext = createContext<DrawerState | null>(null);

/**
 * Holds the phone filter drawer's state above the page: a category's plain page and its filtered pages are two routes
 * (app/(shop)/c/[category]), so applying the first filter replaces the page and its drawer, which must stay open.
 */
export function FilterDrawerState({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const scrollTopRef = useRef(0);
  return <DrawerStateContext value={{ open, setOpen, scrollTopRef }}>{children}</DrawerStateContext>;
}

/** The state from FilterDrawerState, or the drawer's own where there is none (a listing that stays on one route). */
export function useFilterDrawerState(): DrawerState {
  const shared = useContext(DrawerStateContext);
  const [open, setOpen] = useState(false);
  const scrollTopRef = useRef(0);
  return shared ?? { open, setOpen, scrollTopRef };
}
