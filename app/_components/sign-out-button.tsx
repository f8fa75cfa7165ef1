"use client";
import { useState } from "react";

/**
 * Ends the session and goes to `callbackUrl` with a full reload, so no signed-in data lingers. By default /signed-out,
 * which ends the Cognito session too when the shop uses Cognito, then lands on the home page.
 */
export function SignOutButton({ className, callbackUrl = "/signed-out" }: { className?: string; callbackUrl?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={className ?? "whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100 disabled:opacity-60"}
      onClick={async () => {
        setPending(true);
        // next-auth's client (15 kB compressed) loads when someone signs out, not with every storefront page.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
