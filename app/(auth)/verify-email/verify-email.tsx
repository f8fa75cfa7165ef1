"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";
import { AuthCard, FormError, primaryButton } from "../sign-in/auth-card";

/** A button rather than a verification on load, so a mail scanner that follows links does not use the link up. */
export function VerifyEmail({ token }: { token: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.users.verifyEmail.mutationOptions());
  return (
    <AuthCard
      title="Verify your email"
      footer={
        <Link href="/account" className="font-medium text-stone-900 underline underline-offset-2">
          Go to your account
        </Link>
      }
    >
      {verify.isSuccess ? (
        <p role="status" className="text-sm text-stone-700">
          Thank you: your email address is verified.
        </p>
      ) : (
        <div className="space-y-4">
          <FormError message={verify.isError ? "This link has expired or was already used. Ask for a new one from your account page." : null} />
          <button type="button" disabled={verify.isPending} className={primaryButton} onClick={() => verify.mutate({ token })}>
            {verify.isPending ? "Verifying…" : "Verify my email address"}
          </button>
        </div>
      )}
    </AuthCard>
  );
}
