"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { AdminProduct } from "@/server/catalog/get-admin-product";
import type { CategoryOption } from "../_lib/category-options";
import { fieldId, placeErrors, serverErrors, type FieldErrors } from "../_lib/form-errors";
import { draftFromProduct, emptyDraft, type ProductDraft } from "../_lib/product-draft";
import { attributeErrorsToRows, inputPaths, validateDraft } from "../_lib/validate-draft";
import { ArchiveButton } from "./archive-button";
import { PairRows } from "./pair-rows";
import { ProductDetails } from "./product-details";
import { VariantRows } from "./variant-rows";

interface ProductFormProps {
  categories: CategoryOption[];
  /** The product being edited; absent on the create page. */
  product?: AdminProduct;
  /** Shows the "Saved" notice on arrival, after a create. */
  saved?: boolean;
  /** Active warehouses, where new variants' initial stock is counted in. */
  warehouses?: { id: number; name: string }[];
  /** Staff: prices shown read only (see VariantRows). */
  pricesLocked?: boolean;
}

export function ProductForm({ categories, product, saved, warehouses = [], pricesLocked = false }: ProductFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.adminProducts.create.mutationOptions());
  const update = useMutation(trpc.adminProducts.update.mutationOptions());
  const [stored, setStored] = useState(product);
  const [draft, setDraft] = useState(() => (product ? draftFromProduct(product) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState(saved ? "Saved" : "");
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // Drop ?saved=1 once shown, so reloading the page does not claim a fresh save.
  useEffect(() => {
    if (saved) window.history.replaceState(null, "", window.location.pathname);
  }, [saved]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [focusRequest]);

  const edit = (patch: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const warehouseIds = warehouses.map((w) => w.id);

  // An input's message goes once its value changes, so it never contradicts what is typed.
  function clearErrorOf(target: EventTarget) {
    const id = target instanceof HTMLElement ? target.id : "";
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => fieldId(path) !== id)));
  }

  function fail(fields: FieldErrors, message: string) {
    const placed = placeErrors(attributeErrorsToRows(fields, draft), inputPaths(draft, warehouseIds));
    setErrors(placed.fields);
    // The fields say what is wrong; the banner only repeats the server's message when no field took it.
    const summary = Object.keys(placed.fields).length > 0 ? "Some fields need attention." : message;
    setProblems([summary, ...placed.unplaced].filter(Boolean));
    setFocusRequest((n) => n + 1);
  }

  // Reloading after a save picks up the ids of newly created variants, so the next save updates them.
  async function reload(id: number, message: string) {
    const fresh = await queryClient.fetchQuery({ ...trpc.adminProducts.get.queryOptions({ id }), staleTime: 0 });
    setStored(fresh);
    setDraft(draftFromProduct(fresh));
    setErrors({});
    setProblems([]);
    setNotice(message);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice("");
    const result = validateDraft(draft, warehouseIds);
    if (!result.ok) return fail(result.errors, "");
    try {
      if (stored) {
        // Images are managed beside the form on the edit page (ProductImages), so saving leaves them alone.
        await update.mutateAsync({ id: stored.id, ...result.input, images: undefined });
        await reload(stored.id, "Saved");
      } else {
        const created = await create.mutateAsync(result.input);
        router.push(`/admin/products/${created.id}?saved=1`);
      }
    } catch (error) {
      const { fields, message } = serverErrors(error);
      fail(fields, message);
    }
  }

  const busy = update.isPending || create.isPending || create.isSuccess;
  return (
    <form ref={formRef} onSubmit={submit} onChange={(e) => clearErrorOf(e.target)} noValidate className="flex max-w-5xl flex-col gap-8">
      {problems.length > 0 && (
        <div role="alert" tabIndex={-1} className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <ul className="list-inside list-disc">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p role="status" className={notice ? "rounded border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800" : "sr-only"}>
        {notice}
      </p>

      <ProductDetails draft={draft} errors={errors} categories={categories} suggestSlug={!product} onEdit={edit} />

      <PairRows
        legend="Attributes"
        noun="Attribute"
        base="attributes"
        columns={[
          { field: "name", heading: "Name", label: "name" },
          { field: "value", heading: "Value", label: "value" },
        ]}
        rows={draft.attributes}
        errors={errors}
        onChange={(attributes) => edit({ attributes })}
      />
      <PairRows
        legend="Options"
        noun="Option"
        base="options"
        columns={[
          { field: "name", heading: "Name", label: "name" },
          { field: "values", heading: "Values, separated by commas", label: "values" },
        ]}
        rows={draft.options}
        errors={errors}
        max={5}
        onChange={(options) => edit({ options })}
      />
      <VariantRows variants={draft.variants} options={draft.options} errors={errors} warehouses={warehouses} pricesLocked={pricesLocked} onChange={(variants) => edit({ variants })} />
      {!stored && (
        <PairRows
          legend="Images"
          noun="Image"
          base="images"
          columns={[
            { field: "url", heading: "URL", label: "URL" },
            { field: "alt", heading: "Alt text", label: "alt text" },
          ]}
          rows={draft.images}
          errors={errors}
          onChange={(images) => edit({ images })}
        />
      )}

      <div className="flex items-center gap-3 border-t border-stone-200 pt-4">
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50">
          {stored ? "Save changes" : "Create product"}
        </button>
        {stored && stored.status !== "archived" && <ArchiveButton id={stored.id} title={stored.title} onArchived={() => reload(stored.id, "Archived")} />}
      </div>
    </form>
  );
}
