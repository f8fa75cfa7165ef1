import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/app/_trpc/server";
import { CATEGORY_LABELS } from "@/server/notifications/notification-categories";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, result } = await searchParams;
  const state =
    typeof token === "string" && token.length <= 1000
      ? await (await getCaller()).preferences.unsubscribeStatus({ token }).catch((error: unknown) => {
          if (error instanceof TRPCError && error.code === "BAD_REQUEST") return null;
          throw error;
        })
      : null;

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe</h1>
      {!state ? (
        <p role="alert">This unsubscribe link is not valid. Use the link in your newest email, or change your choices on your account page.</p>
      ) : result === "unsubscribed" ? (
        <p role="status">Done: you will no longer get {CATEGORY_LABELS[state.category].toLowerCase()} by email.</p>
      ) : !state.subscribed ? (
        <p role="status">You are already unsubscribed from {CATEGORY_LABELS[state.category].toLowerCase()} by email. Nothing was changed.</p>
      ) : (
        <form method="post" action={`/unsubscribe?token=${encodeURIComponent(String(token))}`} className="flex flex-col items-start gap-3">
          <p>Stop {CATEGORY_LABELS[state.category].toLowerCase()} by email?</p>
          <input type="hidden" name="via" value="page" />
          <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
            Unsubscribe
          </button>
        </form>
      )}
      <Link href="/account" className="text-sm underline">
        All your notification choices
      </Link>
    </div>
  );
}
