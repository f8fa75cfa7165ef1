"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { FormError, TextField } from "@/app/(auth)/sign-in/auth-card";
import { serverFieldErrors } from "@/app/(auth)/sign-up/field-errors";
import { linkButton, smallButton } from "./account-styles";

export function PrivacySection({ hasPassword }: { hasPassword: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const erase = useMutation(trpc.users.deleteAccount.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function download() {
    const data = await queryClient.fetchQuery(trpc.users.exportMyData.queryOptions());
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = "emporium-my-data.json";
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setError(null);
    try {
      await erase.mutateAsync(hasPassword ? { password } : {});
    } catch (e) {
      setError(serverFieldErrors(e)?.password ?? "We could not delete your account.");
      return;
    }
    await signOut({ callbackUrl: "/signed-out" });
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      <div>
        <button type="button" className={smallButton} onClick={() => void download()}>
          Download my data
        </button>
        <p className="mt-1 text-xs text-stone-500">Your profile, addresses, orders, the messages we sent you and your notification choices, as a JSON file.</p>
      </div>
      {confirming ? (
        <form onSubmit={onDelete} className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50 p-4">
          <p>
            Deleting your account erases your name, email, phone and addresses everywhere and signs you out on every device. Orders stay in our books with
            their totals, without your details. This cannot be undone.
          </p>
          <FormError message={error} />
          {hasPassword && <TextField label="Your password" name="password" type="password" autoComplete="current-password" required />}
          <div className="flex gap-3">
            <button type="submit" disabled={erase.isPending} className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white">
              {erase.isPending ? "Deleting…" : "Delete my account"}
            </button>
            <button type="button" className={linkButton} onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="text-red-700 underline underline-offset-2" onClick={() => setConfirming(true)}>
            Delete my account…
          </button>
        </div>
      )}
    </div>
  );
}
