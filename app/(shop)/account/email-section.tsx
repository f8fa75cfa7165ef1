"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { FormError, TextField } from "@/app/(auth)/sign-in/auth-card";
import { refusalMessage, serverFieldErrors } from "@/app/(auth)/sign-up/field-errors";
import { smallButton } from "./account-styles";

/** Asks for a link to the new address; the email changes only when that link is opened. */
export function EmailSection({ hasPassword }: { hasPassword: boolean }) {
  const trpc = useTRPC();
  const request = useMutation(trpc.users.requestEmailChange.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newEmail = String(form.get("newEmail") ?? "");
    setErrors({});
    setSentTo(null);
    try {
      await request.mutateAsync({ newEmail, ...(hasPassword ? { password: String(form.get("emailPassword") ?? "") } : {}) });
    } catch (e) {
      setErrors(serverFieldErrors(e) ?? { form: refusalMessage(e) ?? "We could not send the link." });
      return;
    }
    formElement.reset();
    setSentTo(newEmail.trim());
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
      <FormError message={errors.form ?? null} />
      <TextField label="New email address" name="newEmail" type="email" autoComplete="email" required error={errors.newEmail} />
      {hasPassword && <TextField label="Current password" name="emailPassword" type="password" autoComplete="current-password" required error={errors.password} />}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={request.isPending} className={smallButton}>
          {request.isPending ? "Sending…" : "Change email"}
        </button>
        {sentTo && (
          <span role="status" className="text-sm text-green-700">
            We sent a link to {sentTo}. Your email changes when you open it (within 60 minutes).
          </span>
        )}
      </div>
    </form>
  );
}
