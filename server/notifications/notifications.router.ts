import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { getMailboxMessage } from "./get-mailbox-message";
import { listMailbox } from "./list-mailbox";
import { listSuppressions } from "./list-suppressions";
import { resendNotification } from "./resend-notification";
import { LiftSuppressionInput, ListMailboxInput, NotificationIdInput } from "./schemas";
import { liftSuppression } from "./suppress-address";

export const notificationsRouter = createTRPCRouter({
  mailbox: adminProcedure.input(ListMailboxInput).query(({ ctx, input }) => listMailbox(toServiceCtx(ctx), input)),
  message: adminProcedure.input(NotificationIdInput).query(({ ctx, input }) => getMailboxMessage(toServiceCtx(ctx), input)),
  suppressions: adminProcedure.query(({ ctx }) => listSuppressions(toServiceCtx(ctx))),
  liftSuppression: adminProcedure.input(LiftSuppressionInput).mutation(({ ctx, input }) => liftSuppression(toServiceCtx(ctx), input)),
  resend: adminProcedure.input(NotificationIdInput).mutation(({ ctx, input }) => resendNotification(toServiceCtx(ctx), input)),
});
