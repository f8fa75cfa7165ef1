import { eventData, type ReceivedEvent } from "@/server/events/schemas";
import { renderNotification } from "@/server/notifications/render-notification";
import type { NotificationStatus } from "@/server/notifications/schemas";
import { recordSendFailure, sendNotification } from "@/server/notifications/send-notification";
import type { FunctionDefinition, Step } from "../step";
import type { FunctionDeps } from "./order-state";

/**
 * Sends one queued message: renders it once (the step's memo, so every retry sends the same content under the same
 * idempotency key), sends it with retries and backoff, and records it failed when the retries run out. SMS and push
 * take the same two steps (their ids predate those channels, and step ids never change); the row's channel picks the port.
 */
export async function runSendNotification({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps): Promise<NotificationStatus | "not-queued"> {
  const { notificationId } = eventData("shop/notification.queued", event);
  const ctx = deps.context("send-notification");
  const content = await step.run("render-email", () => renderNotification(ctx, { notificationId }));
  if (!content) return "not-queued";
  try {
    return await step.run("send-email", () => sendNotification(ctx, { notificationId, content }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await step.run("record-send-failure", () => recordSendFailure(ctx, { notificationId, error: message }).then(() => null));
    return "failed";
  }
}

export const sendNotificationFunction = (deps: FunctionDeps): FunctionDefinition => ({
  id: "send-notification",
  trigger: { event: "shop/notification.queued" },
  key: "notificationId",
  handler: (args) => runSendNotification(args, deps),
});
