export type DomainErrorKind = "NotFound" | "Conflict" | "OutOfStock" | "Forbidden" | "Unauthenticated" | "PaymentDeclined" | "Invalid" | "RateLimited";

/** An expected failure of a use case; the tRPC layer maps `kind` to a status code and shows `message` to the caller. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Per-field messages a form can show beside its inputs, keyed by the input's path ("variants.0.sku"). */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export class RateLimited extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("RateLimited", `Too many attempts: try again in ${waitInWords(retryAfterSeconds)}`);
  }
}

export function waitInWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `${minutes} minutes` : `${Math.ceil(minutes / 60)} hours`;
}

export const notFound = (what: string) => new DomainError("NotFound", `${what} not found`);
export const conflict = (message: string, fieldErrors?: Record<string, string>) => new DomainError("Conflict", message, fieldErrors);
export const invalid = (message: string, fieldErrors?: Record<string, string>) => new DomainError("Invalid", message, fieldErrors);

function pgErrorOf(error: unknown): { code?: string; constraint_name?: string } | undefined {
  const cause = error instanceof Error && "cause" in error ? error.cause : error;
  return (cause ?? error) as { code?: string; constraint_name?: string } | undefined;
}

/** Postgres unique_violation, with the constraint it hit. */
export function uniqueViolation(error: unknown): string | undefined {
  const pg = pgErrorOf(error);
  return pg?.code === "23505" ? (pg.constraint_name ?? "unique") : undefined;
}

/** A foreign key refused the write (foreign_key_violation, or restrict_violation for ON DELETE RESTRICT), with its constraint. */
export function foreignKeyViolation(error: unknown): string | undefined {
  const pg = pgErrorOf(error);
  return pg?.code === "23503" || pg?.code === "23001" ? (pg.constraint_name ?? "foreign key") : undefined;
}
