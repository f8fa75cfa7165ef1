import { and, eq, isNull } from "drizzle-orm";
import { emailSuppressions } from "@/db/schema";
import type { ServiceContext } from "../context";
import { mayReceive } from "./may-receive";
import { categoryOf } from "./notification-categories";
import type { NotificationChannel } from "./preference-schemas";

export type BlockReason = "suppressed" | "preference";

export const BLOCK_DETAILS: Record<BlockReason, string> = {
  suppressed: "the address is on the suppression list",
  preference: "the recipient switched this category off for this channel",
};

/** Why a message of `kind` may not go to `recipient` now, or null: checked when it is queued and again just before it is sent. */
export async function deliveryBlock(ctx: ServiceContext, input: { kind: string; recipient: string; channel: NotificationChannel }): Promise<BlockReason | null> {
  if (input.channel === "email") {
    const [suppressed] = await ctx.db
      .select({ address: emailSuppressions.address })
      .from(emailSuppressions)
      .where(and(eq(emailSuppressions.address, input.recipient), isNull(emailSuppressions.liftedAt)));
    if (suppressed) return "suppressed";
  }
  const category = categoryOf(input.kind);
  if (!category || input.channel !== "email") return null;
  return (await mayReceive(ctx, { address: input.recipient, category, channel: input.channel })) ? null : "preference";
}
