import { isTRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

/** Messages keyed by the input path they belong to, e.g. "slug" or "variants.2.sku". */
export type FieldErrors = Record<string, string>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Zod issues (client- or server-side) as FieldErrors; the first message for a path wins. */
export function issuesToErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    errors[path] ??= issue.message;
  }
  return errors;
}

/** What a failed mutation tells the form: per-field messages (DomainError fieldErrors, zod issues) and a summary. */
export function serverErrors(error: unknown): { fields: FieldErrors; message: string } {
  if (!isTRPCClientError<AppRouter>(error)) return { fields: {}, message: "Could not reach the server. Try again." };
  const data = error.data;
  const fields = { ...issuesToErrors(data?.zodIssues ?? []), ...(data?.fieldErrors ?? {}) };
  // A zod failure's message is the issue list as JSON; the fields already say it better.
  const message = data?.zodIssues ? "Some fields need attention." : error.message;
  return { fields, message };
}

/**
 * Puts each message on an input that exists: the exact path, else its first descendant
 * ("variants.1.optionValues" -> "variants.1.optionValues.size"), else its nearest ancestor
 * ("options.0.values.2" -> "options.0.values"). What fits nowhere is returned for the banner.
 */
export function placeErrors(errors: FieldErrors, inputs: readonly string[]): { fields: FieldErrors; unplaced: string[] } {
  const known = new Set(inputs);
  const fields: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const target = known.has(path) ? path : (firstDescendant(path, inputs) ?? nearestAncestor(path, known));
    if (target === undefined) unplaced.push(message);
    else fields[target] ??= message;
  }
  return { fields, unplaced };
}

// Not for a whole list ("variants"): "At most 250 variants" belongs in the banner, not on the first SKU.
function firstDescendant(path: string, inputs: readonly string[]): string | undefined {
  return path.includes(".") ? inputs.find((p) => p.startsWith(`${path}.`)) : undefined;
}

function nearestAncestor(path: string, known: Set<string>): string | undefined {
  const parts = path.split(".");
  for (let n = parts.length - 1; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/** A DOM id for an input path ("variants.2.sku" -> "field-variants-2-sku"). */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** The attributes an input needs to announce its error, and the id of the message element. */
export function invalidProps(path: string, errors: FieldErrors) {
  const invalid = errors[path] !== undefined;
  return {
    id: fieldId(path),
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${fieldId(path)}-error` : undefined,
  };
}
