import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { currentUser } from "@/server/auth/session";
import { NotificationPreferences } from "./notification-preferences";
import { PushToggle } from "./push-toggle";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
  await getQueryClient().prefetchQuery(trpc.preferences.get.queryOptions());

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your account</h1>
        <p className="text-sm text-stone-600">Signed in as {user.email}</p>
      </div>
      <section aria-labelledby="notifications-heading" className="flex flex-col gap-4">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <HydrateClient>
          <NotificationPreferences />
        </HydrateClient>
        <PushToggle />
      </section>
    </div>
  );
}
