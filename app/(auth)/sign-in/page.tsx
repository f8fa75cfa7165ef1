import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/server/auth/callback-url";
import { currentUser } from "@/server/auth/session";
import { cognitoConfigured } from "@/server/env";
import { signInErrorMessage } from "./sign-in-errors";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // With an error (say, a shopper sent here from /admin), stay and show it rather than bounce back to where it came from.
  if (!params.error && (await currentUser())) redirect(callbackUrl);
  return <SignInForm callbackUrl={callbackUrl} cognito={cognitoConfigured()} initialError={signInErrorMessage(params.error)} />;
}
