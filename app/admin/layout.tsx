import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { AdminNav } from "./_components/admin-nav";
import { CollapsibleMenu } from "./_components/collapsible-menu";
import { isFullAdmin, requireAdmin } from "./_lib/require-admin";

export const metadata: Metadata = { title: { template: "%s · Emporium admin", default: "Emporium admin" }, robots: { index: false } };

// Per-user pages behind a session check: never prerendered at build.
export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin("/admin");
  return (
    <div className="flex flex-1 flex-col md:flex-row">
      <aside className="relative flex flex-col gap-4 border-b border-stone-200 bg-stone-50 p-4 md:w-56 md:shrink-0 md:border-r md:border-b-0">
        <Link href="/admin" className="font-semibold">
          Emporium admin
        </Link>
        <CollapsibleMenu>
          <AdminNav fullAdmin={isFullAdmin(user)} />
          <div className="mt-auto flex flex-col gap-1 text-xs text-stone-600">
            <span className="break-all">
              Signed in as {user.email}
              {!isFullAdmin(user) && " (staff)"}
            </span>
            <Link href="/" className="underline">
              View the store
            </Link>
            <SignOutButton className="self-start underline disabled:opacity-60" />
          </div>
        </CollapsibleMenu>
      </aside>
      {/* min-w-0: wide tables scroll inside their cards instead of widening the page. Those boxes are `relative`, or the
          sr-only labels in their cells (absolutely placed) would escape them and widen it after all. */}
      <main className="min-w-0 flex-1 p-4 md:p-6">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </main>
    </div>
  );
}
