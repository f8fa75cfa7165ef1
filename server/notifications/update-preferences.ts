import { sql } from "drizzle-orm";
import { notificationPreferences } from "@/db/schema";
import { withTransaction, type ServiceContext } from "../context";
import { invalid } from "../errors";
import { getPreferences, signedInUser } from "./get-preferences";
import { isLocked } from "./notification-categories";
import type { PreferenceCell, UpdatePreferencesInput } from "./preference-schemas";

/** Saves the signed-in shopper's choices and answers the whole grid; a locked cell cannot be switched off. */
export async function updatePreferences(ctx: ServiceContext, input: UpdatePreferencesInput): Promise<PreferenceCell[]> {
  const userId = signedInUser(ctx);
  const refused = input.changes.find((c) => isLocked(c.category, c.channel) && !c.enabled);
  if (refused) throw invalid(`${refused.category} by ${refused.channel} cannot be switched off`);
  // One row per cell: the last change to a cell wins, as the grid shows it.
  const rows = [...new Map(input.changes.filter((c) => !isLocked(c.category, c.channel)).map((c) => [`${c.category}/${c.channel}`, { userId, ...c }])).values()];
  return withTransaction(ctx, async (tx) => {
    if (rows.length === 0) return getPreferences(tx);
    await tx.db
      .insert(notificationPreferences)
      .values(rows)
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.category, notificationPreferences.channel],
        set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
      });
    return getPreferences(tx);
  });
}
