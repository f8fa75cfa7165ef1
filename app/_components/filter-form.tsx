"use client";
import { useRouter } from "next/navigation";
import { useEffect, type FormEvent, type ReactNode } from "react";

export const FILTER_FORM_ID = "product-filters";

// Controls remount when the URL changes (so links like "Clear filters" reset them); this puts the keyboard
// focus back on the control that caused the change.
let pendingFocus: string | null = null;

function rememberFocus() {
  const el = document.activeElement;
  if (el instanceof HTMLInputElement && el.name) pendingFocus = `[name="${CSS.escape(el.name)}"][value="${CSS.escape(el.value)}"]`;
  else if (el instanceof HTMLElement && el.id) pendingFocus = `#${CSS.escape(el.id)}`;
}

export function useRestoreFocus() {
  useEffect(() => {
    if (!pendingFocus) return;
    const target = document.querySelector<HTMLElement>(pendingFocus);
    if (target) {
      target.focus({ preventScroll: true });
      pendingFocus = null;
    }
  }, []);
}

/**
 * A plain GET form, so filtering works without JavaScript. With it, every change applies at once and the
 * URL leaves out empty fields.
 */
export function FilterForm({ action, children, className }: { action: string; children: ReactNode; className?: string }) {
  const router = useRouter();
  useRestoreFocus();

  function navigate(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") query.append(key, value.trim());
    }
    const qs = query.toString();
    rememberFocus();
    router.push(qs ? `${action}?${qs}` : action, { scroll: false });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(event.currentTarget);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    // Price fields apply on submit (Enter or the button), not on every keystroke.
    if (event.target instanceof HTMLInputElement && event.target.type === "number") return;
    navigate(event.currentTarget);
  }

  return (
    <form id={FILTER_FORM_ID} action={action} method="get" onSubmit={onSubmit} onChange={onChange} className={className}>
      {children}
    </form>
  );
}
