"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { FormError, TextField } from "@/app/(auth)/sign-in/auth-card";
import { refusalMessage, serverFieldErrors } from "@/app/(auth)/sign-up/field-errors";
import { smallButton } from "./account-styles";

export function ProfileSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: profile } = useSuspenseQuery(trpc.users.profile.queryOptions());
  const update = useMutation(trpc.users.updateProfile.mutationOptions({ onSuccess: (fresh) => queryClient.setQueryData(trpc.users.profile.queryKey(), fresh) }));
  const resend = useMutation(trpc.users.resendVerification.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});

  // Field names differ from the address form's (name, phone) on the same page: TextField derives each input's id from its name.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    await update.mutateAsync({ name: String(form.get("profileName") ?? ""), phone: String(form.get("profilePhone") ?? "") }).catch((e: unknown) => setErrors(serverFieldErrors(e) ?? { form: "We could not save your profile." }));
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-stone-700">
        {profile.email}{" "}
        {profile.emailVerified ? (
          <span className="text-green-700">(verified)</span>
        ) : (
          <>
            <span className="text-amber-700">(not verified)</span>{" "}
            <button type="button" className="underline underline-offset-2" disabled={resend.isPending || resend.isSuccess} onClick={() => resend.mutate()}>
              {resend.isSuccess ? "Link sent: check your email" : "Send the verification link again"}
            </button>
          </>
        )}
      </p>
      {resend.isError && <FormError message={refusalMessage(resend.error) ?? "We could not send the link."} />}
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <FormError message={errors.form ?? null} />
        <TextField label="Name" name="profileName" autoComplete="name" defaultValue={profile.name ?? ""} required error={errors.name} />
        <TextField label="Phone (optional)" name="profilePhone" type="tel" autoComplete="tel" defaultValue={profile.phone ?? ""} error={errors.phone} />
        <div>
          <button type="submit" disabled={update.isPending} className={smallButton}>
            {update.isPending ? "Saving…" : update.isSuccess ? "Saved" : "Save profile"}
          </button>
        </div>
      </form>
    </div>
  );
}
