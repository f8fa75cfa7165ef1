"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Field, inputClass } from "../../_components/field";
import { serverErrors, type FieldErrors } from "../../_lib/form-errors";
import { slugify } from "../../_lib/product-draft";

/** Adds a category at the top level or under a parent; the slug follows the name until edited. */
export function AddCategory({ parents }: { parents: { id: number; label: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.adminCategories.create.mutationOptions());
  const [name, setName] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const [parentId, setParentId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage("");
    try {
      const created = await create.mutateAsync({ name, slug: slug ?? slugify(name), parentId: parentId ? Number(parentId) : null });
      setName("");
      setSlug(null);
      setMessage(`Added ${created.name}.`);
      router.refresh();
    } catch (e) {
      const { fields, message: summary } = serverErrors(e);
      setErrors(fields);
      setMessage(summary);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 p-4" aria-label="Add a category">
      <Field label="Name" path="name" errors={errors}>
        {(wiring) => <input {...wiring} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Slug" path="slug" errors={errors}>
        {(wiring) => <input {...wiring} className={inputClass} value={slug ?? slugify(name)} onChange={(e) => setSlug(e.target.value)} />}
      </Field>
      <Field label="Parent" path="parentId" errors={errors}>
        {(wiring) => (
          <select {...wiring} className={inputClass} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">None (top level)</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={create.isPending} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50">
        Add category
      </button>
      <p role="status" className="text-sm">
        {message}
      </p>
    </form>
  );
}
