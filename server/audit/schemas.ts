import { z } from "zod";

const Day = z.iso.date({ error: "Use a date like 2026-12-03" });

export const ListAuditLogInput = z
  .object({
    /** Part of the actor's email. */
    actor: z.string().trim().max(254).optional(),
    /** A procedure path ("adminOrders.refund") or its router ("adminOrders"). */
    action: z.string().trim().max(100).optional(),
    targetType: z.string().trim().max(50).optional(),
    targetId: z.string().trim().max(100).optional(),
    /** Inclusive days, in UTC. */
    from: Day.optional(),
    to: Day.optional(),
    page: z.int().min(1).max(10_000).default(1),
    pageSize: z.int().min(1).max(100).default(50),
  })
  .strict();
export type ListAuditLogInput = z.input<typeof ListAuditLogInput>;
