"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { FormError, TextField } from "@/app/(auth)/sign-in/auth-card";
import { refusalMessage, serverFieldErrors } from "@/app/(auth)/sign-up/field-errors";
import { smallButton } from "./account-styles";

/** Changing the password ends every session, this one too; the page signs straight back in with the new password. */
export function PasswordSection({ email }: { email: string }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.users.changePassword.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
    setErrors({});
    setDone(false);
    try {
      await change.mutateAsync(input);
    } catch (e) {
      setErrors(serverFieldErrors(e) ?? { form: refusalMessage(e) ?? "We could not change your password." });
      return;
    }
    await signIn("credentials", { redirect: false, email, password: input.newPassword });
    formElement.reset();
    setDone(true);
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      <FormError message={errors.form ?? null} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" minLength={12} maxLength={256} required hint="At least 12 characters." error={errors.newPassword} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={change.isPending} className={smallButton}>
          {change.isPending ? "Changing…" : "Change password"}
        </button>
        {done && <span role="status" className="text-sm text-green-700">Password changed; you were signed out everywhere else.</span>}
      </div>
    </form>
  );
}
