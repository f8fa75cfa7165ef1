"use client";
import { useState } from "react";
import type { CategoryOption } from "../_lib/category-options";
import type { FieldErrors } from "../_lib/form-errors";
import { slugify, type ProductDraft } from "../_lib/product-draft";
import { Field, inputClass } from "./field";
import { STATUS_LABELS } from "./status-badge";

interface ProductDetailsProps {
  draft: ProductDraft;
  errors: FieldErrors;
  categories: CategoryOption[];
  /** Fill the slug from the title until the slug is typed into (new products only). */
  suggestSlug: boolean;
  onEdit: (patch: Partial<ProductDraft>) => void;
}

/** The product's own fields: title, slug, brand, category, status, whether it ships, description. */
export function ProductDetails({ draft, errors, categories, suggestSlug, onEdit: edit }: ProductDetailsProps) {
  const [slugEdited, setSlugEdited] = useState(!suggestSlug);
  return (
    <section className="grid gap-4 md:grid-cols-2">
      <Field label="Title" path="title" errors={errors}>
        {(w) => <input {...w} className={inputClass} value={draft.title} onChange={(e) => edit({ title: e.target.value, ...(slugEdited ? {} : { slug: slugify(e.target.value) }) })} />}
      </Field>
      <Field label="Slug" path="slug" errors={errors} hint="Lower-case letters, digits and dashes; the product's address in the store.">
        {(w) => (
          <input
            {...w}
            className={inputClass}
            value={draft.slug}
            onChange={(e) => {
              setSlugEdited(e.target.value !== "");
              edit({ slug: e.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Brand" path="brand" errors={errors}>
        {(w) => <input {...w} className={inputClass} value={draft.brand} onChange={(e) => edit({ brand: e.target.value })} />}
      </Field>
      <Field label="Category" path="categoryId" errors={errors}>
        {(w) => (
          <select {...w} className={inputClass} value={draft.categoryId} onChange={(e) => edit({ categoryId: e.target.value })}>
            <option value="">Choose a category…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Status" path="status" errors={errors}>
        {(w) => (
          <select {...w} className={inputClass} value={draft.status} onChange={(e) => edit({ status: e.target.value as ProductDraft["status"] })}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input type="checkbox" checked={draft.requiresShipping} onChange={(e) => edit({ requiresShipping: e.target.checked })} />
        Needs shipping (untick for ebooks, gift cards and other goods nothing is posted for)
      </label>
      <div className="md:col-span-2">
        <Field label="Description" path="description" errors={errors}>
          {(w) => <textarea {...w} rows={5} className={inputClass} value={draft.description} onChange={(e) => edit({ description: e.target.value })} />}
        </Field>
      </div>
    </section>
  );
}
