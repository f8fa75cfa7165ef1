import { TRPCClientError } from "@trpc/client";
import type { ZodError } from "zod";
import type { AppRouter } from "@/server/trpc/root";

export type FieldErrors = Record<string, string>;

/** The first message per top-level field of a failed zod parse. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Field messages from a tRPC error: a domain error's fieldErrors, else the server's zod issues. */
export function serverFieldErrors(error: unknown): FieldErrors | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<AppRouter>).data;
  if (data?.fieldErrors) return data.fieldErrors;
  if (!data?.zodIssues) return null;
  const errors: FieldErrors = {};
  for (const issue of data.zodIssues) errors[issue.path[0] ?? ""] ??= issue.message;
  return errors;
}

/** The server's own words for a refusal the user can act on (too many attempts: wait), else null. */
export function refusalMessage(error: unknown): string | null {
  return error instanceof TRPCClientError && (error as TRPCClientError<AppRouter>).data?.code === "TOO_MANY_REQUESTS" ? error.message : null;
}
