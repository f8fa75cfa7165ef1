import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AdminRole, ServiceContext } from "../context";

/** Who is acting in which admin mutation; made by the tRPC audit middleware (server/trpc/init.ts) and handed to the verb. */
export interface AuditRecorder {
  /** The procedure path, e.g. "adminOrders.refund". */
  action: string;
  actorId: string;
  actorRole: AdminRole;
  /** Rows written for this call so far: the middleware adds its generic row only when the verb wrote none. */
  written: number;
}

export interface AuditEntry {
  targetType: string;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
}

const LONG_TEXT = 500;
const MAX_JSON = 16_000;

/** A JSON value small enough for a log row: long strings (a CSV file, an image) shortened, and the whole capped. */
export function boundedJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string" && v.length > LONG_TEXT ? `${v.slice(0, 200)}… (${v.length} characters)` : v,
  );
  if (text === undefined) return null;
  return text.length > MAX_JSON ? { truncated: true, characters: text.length } : JSON.parse(text);
}

export async function writeAuditRow(db: Db | Tx, recorder: AuditRecorder, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: recorder.actorId,
    actorRole: recorder.actorRole,
    action: recorder.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    before: boundedJson(entry.before),
    after: boundedJson(entry.after),
  });
  recorder.written += 1;
}

/**
 * A verb names its target and the state before and after, written at once into the transaction `ctx.db` is in (the
 * mutation's own, so it commits or rolls back with the change). Does nothing outside an admin mutation (jobs, tests).
 */
export async function recordAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  if (ctx.audit) await writeAuditRow(ctx.db, ctx.audit, entry);
}

/** "adminProducts" → "product", "inventory" → "inventory": the target's kind when only the router names it. */
function routerNoun(action: string): string {
  const router = action.split(".")[0] ?? action;
  const noun = router.replace(/^admin(?=[A-Z])/, "");
  return (noun.charAt(0).toLowerCase() + noun.slice(1)).replace(/s$/, "");
}

/**
 * The row for a verb that recorded nothing better: the target from the input's first `…Id` (or `id`) field, else the
 * result's `id`, and the input and result as "after".
 */
export function genericEntry(action: string, input: unknown, after: Record<string, unknown>): AuditEntry {
  const fields = input && typeof input === "object" ? Object.entries(input) : [];
  const idField = fields.find(([key, value]) => /(^id|Id)$/.test(key) && (typeof value === "string" || typeof value === "number"));
  const resultId = (after.result as { id?: unknown } | null | undefined)?.id;
  if (idField) {
    const [key, value] = idField as [string, string | number];
    return { targetType: key === "id" ? routerNoun(action) : key.slice(0, -2), targetId: value, after: { input, ...after } };
  }
  const targetId = typeof resultId === "string" || typeof resultId === "number" ? resultId : null;
  return { targetType: routerNoun(action), targetId, after: { input, ...after } };
}
