import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/hydration";
import { currentUser } from "@/server/auth/session";
import { AddressBook } from "./address-book";
import { EmailSection } from "./email-section";
import { NotificationPreferences } from "./notification-preferences";
import { PasswordSection } from "./password-section";
import { PrivacySection } from "./privacy-section";
import { ProfileSection } from "./profile-section";
import { PushToggle } from "./push-toggle";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4 border-t border-stone-200 pt-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/account")}`);
  const queryClient = getQueryClient();
  const [profile] = await Promise.all([
    queryClient.fetchQuery(trpc.users.profile.queryOptions()),
    queryClient.prefetchQuery(trpc.users.addresses.queryOptions()),
    queryClient.prefetchQuery(trpc.preferences.get.queryOptions()),
  ]);

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your account</h1>
        <p className="text-sm text-stone-600">
          Signed in as {user.email} ·{" "}
          <Link href="/orders" className="underline underline-offset-2">
            Your orders
          </Link>
        </p>
      </div>
      <HydrateClient>
        <Section id="profile" title="Profile">
          <ProfileSection />
        </Section>
        <Section id="email" title="Email address">
          <EmailSection hasPassword={profile.hasPassword} />
        </Section>
        {profile.hasPassword && (
          <Section id="password" title="Password">
            <PasswordSection email={user.email} />
          </Section>
        )}
        <Section id="addresses" title="Addresses">
          <AddressBook />
        </Section>
        <Section id="notifications" title="Notifications">
          <NotificationPreferences />
          <PushToggle />
        </Section>
        <Section id="privacy" title="Privacy">
          <PrivacySection hasPassword={profile.hasPassword} />
        </Section>
      </HydrateClient>
    </div>
  );
}
