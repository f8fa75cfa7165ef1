export interface AuditChange {
  /** Dotted path into the recorded object ("variants.0.priceAmount"); "" for the value as a whole. */
  path: string;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** What differs between a row's before and after, field by field, for the audit page. */
export function auditChanges(before: unknown, after: unknown, path = ""): AuditChange[] {
  if (isRecord(before) && isRecord(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => auditChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ path, before: before ?? null, after: after ?? null }];
}
