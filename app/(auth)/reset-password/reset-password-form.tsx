"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { AuthCard, FormError, primaryButton, TextField } from "../sign-in/auth-card";
import { serverFieldErrors } from "../sign-up/field-errors";

/** Sets the new password from the emailed link, then signs in with it (the reset ended every earlier session). */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const reset = useMutation(trpc.users.resetPassword.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setError(null);
    setPasswordError(undefined);
    let email: string;
    try {
      ({ email } = await reset.mutateAsync({ token, password }));
    } catch (e) {
      const fields = serverFieldErrors(e);
      if (fields?.password) setPasswordError(fields.password);
      else setError(fields?.token ? "This link has expired or was already used. Ask for a new one." : "We could not change your password. Please try again.");
      return;
    }
    const result = await signIn("credentials", { redirect: false, email, password }).catch(() => null);
    router.replace(result?.ok ? "/account" : "/sign-in");
    router.refresh();
  }

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/forgot-password" className="font-medium text-stone-900 underline underline-offset-2">
          Ask for a new link
        </Link>
      }
    >
      <form onSubmit={onSubmit} className="space-y-4">
        <FormError message={error} />
        <TextField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={256}
          required
          autoFocus
          hint="At least 12 characters."
          error={passwordError}
        />
        <button type="submit" disabled={reset.isPending} className={primaryButton}>
          {reset.isPending ? "Saving…" : "Save and sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
