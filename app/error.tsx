"use client";
import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-1 flex-col items-center gap-4 px-4 py-24 text-center">
      <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-stone-600">We could not load this page. Please try again in a moment.</p>
      {digest && <p className="text-xs text-stone-500">Reference: {digest}</p>}
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-50">
          Home
        </Link>
      </div>
    </main>
  );
}
