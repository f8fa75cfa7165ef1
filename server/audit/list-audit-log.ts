import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { requireFullAdmin, type ServiceContext } from "../context";
import { auditChanges, type AuditChange } from "./audit-changes";
import { ListAuditLogInput } from "./schemas";

export interface AuditRow {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: AuditChange[];
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const nextDay = (day: string) => sql`(${day}::date + 1)::timestamptz`;

/** The audit log, newest first, filtered by actor email, action, target and days (UTC). Admins only, never staff. */
export async function listAuditLog(ctx: ServiceContext, raw: ListAuditLogInput): Promise<{ items: AuditRow[]; total: number }> {
  requireFullAdmin(ctx);
  const input = ListAuditLogInput.parse(raw);
  const where: (SQL | undefined)[] = [
    input.actor ? ilike(users.email, `%${likeEscaped(input.actor)}%`) : undefined,
    input.action ? or(eq(auditLog.action, input.action), ilike(auditLog.action, `${likeEscaped(input.action)}.%`)) : undefined,
    input.targetType ? eq(auditLog.targetType, input.targetType) : undefined,
    input.targetId ? eq(auditLog.targetId, input.targetId) : undefined,
    input.from ? gte(auditLog.createdAt, sql`${input.from}::date::timestamptz`) : undefined,
    input.to ? lt(auditLog.createdAt, nextDay(input.to)) : undefined,
  ];
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorId: auditLog.actorId,
        actorEmail: users.email,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(filter)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(filter),
  ]);
  return {
    items: rows.map(({ before, after, ...row }) => ({ ...row, changes: auditChanges(before, after) })),
    total: total?.n ?? 0,
  };
}
