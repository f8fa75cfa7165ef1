import { ProductInput } from "@/server/catalog/admin-schemas";
import { issuesToErrors, type FieldErrors } from "./form-errors";
import { parseAmount } from "./money";
import { optionKey, splitValues, type ProductDraft, type VariantDraft } from "./product-draft";

export type DraftResult = { ok: true; input: ProductInput } | { ok: false; errors: FieldErrors };

/** The draft as a ProductInput, checked with the same schema the server uses; errors keyed by input path. */
export function validateDraft(draft: ProductDraft, warehouseIds: number[] = []): DraftResult {
  const errors: FieldErrors = {};
  const attributes: Record<string, string> = {};
  draft.attributes.forEach((row, i) => {
    const name = row.first.trim();
    if (!name && !row.second.trim()) return;
    if (!name) errors[`attributes.${i}.name`] = "Name the attribute";
    else if (name in attributes) errors[`attributes.${i}.name`] = `Attribute "${name}" appears twice`;
    else attributes[name] = row.second.trim();
  });
  const declared = draft.options.map((o) => optionKey(o.first)).filter(Boolean);

  const candidate = {
    slug: draft.slug.trim(),
    title: draft.title,
    description: draft.description,
    brand: draft.brand,
    categoryId: draft.categoryId === "" ? NaN : Number(draft.categoryId),
    status: draft.status,
    requiresShipping: draft.requiresShipping,
    attributes,
    options: draft.options.map((o) => ({ name: o.first, values: splitValues(o.second) })),
    variants: draft.variants.map((v, i) => variantCandidate(v, `variants.${i}`, declared, errors, warehouseIds)),
    images: draft.images.map((row) => ({ url: row.first.trim(), alt: row.second.trim() })),
  };
  const parsed = ProductInput.safeParse(candidate);
  const all = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...errors };
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors: all };
}

function variantCandidate(v: VariantDraft, path: string, declared: string[], errors: FieldErrors, warehouseIds: number[]) {
  const currency = v.currency.trim().toUpperCase();
  const amount = (text: string, field: string) => {
    const parsed = parseAmount(text, currency);
    if (parsed.ok) return parsed.amount;
    errors[`${path}.${field}`] = parsed.message;
    return NaN;
  };
  const weight = v.weightGrams.trim() === "" ? "0" : v.weightGrams.trim();
  const optionValues = Object.fromEntries(declared.filter((name) => v.optionValues[name]).map((name) => [name, v.optionValues[name]]));
  return {
    ...(v.id === undefined ? {} : { id: v.id }),
    sku: v.sku.trim(),
    title: v.title,
    optionValues,
    priceAmount: amount(v.price, "priceAmount"),
    currency,
    compareAtAmount: v.compareAt.trim() === "" ? null : amount(v.compareAt, "compareAtAmount"),
    weightGrams: /^\d+$/.test(weight) ? Number(weight) : NaN,
    ...(v.id === undefined && warehouseIds.length > 0 ? { initialStock: initialStock(v, warehouseIds) } : {}),
  };
}

/** One entry per warehouse, in the form's order: an empty cell counts as 0. */
function initialStock(v: VariantDraft, warehouseIds: number[]) {
  return warehouseIds.map((warehouseId) => {
    const text = (v.stock[warehouseId] ?? "").trim() || "0";
    return { warehouseId, onHand: /^\d+$/.test(text) ? Number(text) : NaN };
  });
}

/** Every input path the form renders for this draft, in page order, so errors can be placed beside them. */
export function inputPaths(draft: ProductDraft, warehouseIds: number[] = []): string[] {
  const paths = ["title", "slug", "brand", "categoryId", "status", "description"];
  draft.attributes.forEach((_, i) => paths.push(`attributes.${i}.name`, `attributes.${i}.value`));
  draft.options.forEach((_, i) => paths.push(`options.${i}.name`, `options.${i}.values`));
  const declared = draft.options.map((o) => optionKey(o.first)).filter(Boolean);
  draft.variants.forEach((_, i) => {
    const p = `variants.${i}`;
    paths.push(`${p}.sku`, `${p}.title`, ...declared.map((name) => `${p}.optionValues.${name}`));
    paths.push(`${p}.priceAmount`, `${p}.compareAtAmount`, `${p}.weightGrams`, `${p}.currency`);
    if (draft.variants[i]!.id === undefined) warehouseIds.forEach((_, j) => paths.push(`${p}.initialStock.${j}.onHand`));
  });
  draft.images.forEach((_, i) => paths.push(`images.${i}.url`, `images.${i}.alt`));
  return paths;
}

/** Server paths into the attributes record ("attributes.colour") point at that attribute's name input. */
export function attributeErrorsToRows(errors: FieldErrors, draft: ProductDraft): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const [head, key, ...rest] = path.split(".");
    const row = head === "attributes" && rest.length === 0 ? draft.attributes.findIndex((a) => a.first.trim() === key) : -1;
    out[row >= 0 ? `attributes.${row}.name` : path] = message;
  }
  return out;
}
