"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useState, type FormEvent } from "react";
import { AddressFields, addressFromForm } from "@/app/_components/address-fields";
import { useTRPC } from "@/app/_trpc/client";
import { FormError } from "@/app/(auth)/sign-in/auth-card";
import type { SavedAddress } from "@/server/users/address-book";
import { linkButton, smallButton } from "./account-styles";

type Editing = { id?: string; entry?: SavedAddress } | null;

export function AddressBook() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: addresses } = useSuspenseQuery(trpc.users.addresses.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.addresses.queryKey() });
  const save = useMutation(trpc.users.saveAddress.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.users.deleteAddress.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<Editing>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    try {
      await save.mutateAsync({
        id: editing?.entry?.id,
        address: addressFromForm(form),
        defaultShipping: form.get("defaultShipping") === "on",
        defaultBilling: form.get("defaultBilling") === "on",
      });
      setEditing(null);
    } catch (e) {
      const issues = e instanceof TRPCClientError ? (e.data as { zodIssues?: { path: string[]; message: string }[] | null })?.zodIssues : null;
      setErrors(issues?.length ? Object.fromEntries(issues.map((i) => [i.path.at(-1) ?? "form", i.message])) : { form: "We could not save the address." });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {addresses.length === 0 && <p className="text-sm text-stone-600">No saved addresses yet.</p>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {addresses.map((entry) => (
          <li key={entry.id} className="rounded-lg border border-stone-200 p-4 text-sm">
            <p className="font-medium">{entry.address.name}</p>
            <p>{[entry.address.line1, entry.address.line2, entry.address.city, entry.address.region, entry.address.postalCode, entry.address.country].filter(Boolean).join(", ")}</p>
            <p className="mt-1 text-xs text-stone-500">{[entry.defaultShipping && "Default shipping", entry.defaultBilling && "Default billing"].filter(Boolean).join(" · ")}</p>
            <div className="mt-2 flex gap-3">
              <button type="button" className={linkButton} onClick={() => (setErrors({}), setEditing({ entry }))}>
                Edit
              </button>
              <button type="button" className={linkButton} disabled={remove.isPending} onClick={() => remove.mutate({ id: entry.id })}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-stone-200 p-4 sm:grid-cols-2" aria-label="Address">
          <FormError message={errors.form ?? null} />
          <AddressFields key={editing.entry?.id ?? "new"} address={editing.entry?.address} errors={errors} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="defaultShipping" defaultChecked={editing.entry?.defaultShipping ?? addresses.length === 0} /> Default shipping address
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="defaultBilling" defaultChecked={editing.entry?.defaultBilling ?? addresses.length === 0} /> Default billing address
          </label>
          <div className="flex gap-3">
            <button type="submit" disabled={save.isPending} className={smallButton}>
              {save.isPending ? "Saving…" : "Save address"}
            </button>
            <button type="button" className={linkButton} onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className={smallButton} onClick={() => (setErrors({}), setEditing({}))}>
            Add an address
          </button>
        </div>
      )}
    </div>
  );
}
