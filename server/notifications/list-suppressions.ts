import { desc, sql } from "drizzle-orm";
import { emailSuppressions } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";

/** The suppression list for the admin: addresses still suppressed first, then the lifted ones, newest first within each. */
export async function listSuppressions(ctx: ServiceContext) {
  requireAdmin(ctx);
  return ctx.db
    .select()
    .from(emailSuppressions)
    .orderBy(sql`${emailSuppressions.liftedAt} is not null`, desc(emailSuppressions.createdAt))
    .limit(500);
}
