"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { AuthCard, FormError, primaryButton, TextField } from "../sign-in/auth-card";
import { refusalMessage, serverFieldErrors } from "../sign-up/field-errors";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const request = useMutation(trpc.users.requestPasswordReset.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setError(null);
    try {
      await request.mutateAsync({ email });
      setSentTo(email);
    } catch (e) {
      setError(refusalMessage(e) ?? serverFieldErrors(e)?.email ?? "We could not send the link. Please try again.");
    }
  }

  return (
    <AuthCard
      title="Reset your password"
      footer={
        <Link href="/sign-in" className="font-medium text-stone-900 underline underline-offset-2">
          Back to sign in
        </Link>
      }
    >
      {sentTo ? (
        <p role="status" className="text-sm text-stone-700">
          If an account uses {sentTo}, we have emailed it a link to choose a new password. The link works for 60 minutes, once.
        </p>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <FormError message={error} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
          <button type="submit" disabled={request.isPending} className={primaryButton}>
            {request.isPending ? "Sending…" : "Email me a link"}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
