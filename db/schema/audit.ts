import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per admin mutation (server/audit): who did what to which object, and the object before and after. Written in
 * the mutation's own transaction, so a rolled-back change leaves no row; see server/audit/audit-mutations.ts for the
 * procedures that talk to a payment provider or carrier, which record it in their first transaction instead.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** No foreign key: the record names who acted even after their account is deleted. */
    actorId: text("actor_id"),
    /** The actor's role when they acted ("admin" or "staff"), kept if the account is later deleted or changed. */
    actorRole: text("actor_role").notNull(),
    /** The tRPC procedure path, e.g. "adminOrders.refund". */
    action: text().notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt.desc()),
    index("audit_log_action_idx").on(t.action, t.createdAt.desc()),
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.createdAt.desc()),
  ],
);
