import { and, eq, isNull, sql } from "drizzle-orm";
import { emailSuppressions } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import type { LiftSuppressionInput } from "./schemas";

/** Puts an address on the suppression list (or back on it, after a lift): every later send to it is skipped. */
export async function suppressAddress(ctx: ServiceContext, input: { address: string; reason: "bounced" | "complained"; detail?: string; notificationId?: string }): Promise<void> {
  const row = { address: input.address.toLowerCase(), reason: input.reason, detail: input.detail ?? null, notificationId: input.notificationId ?? null };
  await ctx.db
    .insert(emailSuppressions)
    .values(row)
    .onConflictDoUpdate({
      target: emailSuppressions.address,
      set: { reason: row.reason, detail: row.detail, notificationId: row.notificationId, createdAt: sql`now()`, liftedAt: null, liftedBy: null },
    });
}

/** An admin lets the shop write to the address again (the reader fixed their mailbox); lifting twice changes nothing. */
export async function liftSuppression(ctx: ServiceContext, input: LiftSuppressionInput): Promise<{ address: string }> {
  const adminId = requireAdmin(ctx);
  const address = input.address.toLowerCase();
  const [known] = await ctx.db.select({ liftedAt: emailSuppressions.liftedAt }).from(emailSuppressions).where(eq(emailSuppressions.address, address));
  if (!known) throw notFound("Suppressed address");
  await ctx.db
    .update(emailSuppressions)
    .set({ liftedAt: sql`now()`, liftedBy: adminId })
    .where(and(eq(emailSuppressions.address, address), isNull(emailSuppressions.liftedAt)));
  return { address };
}
