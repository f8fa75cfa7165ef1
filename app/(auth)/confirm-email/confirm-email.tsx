"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/app/_trpc/client";
import { serverFieldErrors } from "@/app/(auth)/sign-up/field-errors";
import { AuthCard, FormError, primaryButton } from "../sign-in/auth-card";

/** A button rather than a change on load, so a mail scanner that follows links does not use the link up. */
export function ConfirmEmail({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.users.confirmEmailChange.mutationOptions());
  return (
    <AuthCard
      title="Confirm your new email"
      footer={
        <Link href="/sign-in?callbackUrl=%2Faccount" className="font-medium text-stone-900 underline underline-offset-2">
          Sign in
        </Link>
      }
    >
      {confirm.isSuccess ? (
        <p role="status" className="text-sm text-stone-700">
          Done: your account now uses {confirm.data.email}. You were signed out everywhere; sign in with your new address.
        </p>
      ) : (
        <div className="space-y-4">
          <FormError message={confirm.isError ? (serverFieldErrors(confirm.error)?.token ?? "This link has expired or was already used. Ask for a new one from your account page.") : null} />
          <button type="button" disabled={confirm.isPending} className={primaryButton} onClick={() => confirm.mutate({ token })}>
            {confirm.isPending ? "Confirming…" : "Use this email address"}
          </button>
        </div>
      )}
    </AuthCard>
  );
}
