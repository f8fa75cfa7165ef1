import { and, eq, isNull, sql } from "drizzle-orm";
import { preparedPerHandle } from "@/db/prepared";
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

const suppressionQuery = preparedPerHandle((db) =>
  db
    .select({ address: emailSuppressions.address })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.address, sql.placeholder("address")), isNull(emailSuppressions.liftedAt)))
    .prepare("email_suppression"),
);

/**
 * Why a message of `kind` may not go to `recipient` now, or null: checked when it is queued and again just before it is
 * sent. The recipient is an address (email), a phone number (SMS) or the shopper's id (push); `userId` names the shopper
 * whose choices count when the recipient alone does not (an SMS to the number on their order).
 */
export async function deliveryBlock(ctx: ServiceContext, input: { kind: string; recipient: string; channel: NotificationChannel; userId?: string | null }): Promise<BlockReason | null> {
  if (input.channel === "email") {
    const [suppressed] = await suppressionQuery(ctx.db).execute({ address: input.recipient });
    if (suppressed) return "suppressed";
  }
  const category = categoryOf(input.kind);
  if (!category) return null;
  const who = input.channel === "email" ? { userId: input.userId, address: input.recipient } : { userId: input.channel === "push" ? input.recipient : input.userId };
  return (await mayReceive(ctx, { ...who, category, channel: input.channel })) ? null : "preference";
}
