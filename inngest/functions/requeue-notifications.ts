import { requeueStaleNotifications } from "@/server/notifications/requeue-stale-notifications";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/** Every few minutes: messages left queued by a lost send run are announced again. */
export const requeueNotifications = (deps: FunctionDeps): FunctionDefinition => ({
  id: "requeue-notifications",
  trigger: { cron: "*/5 * * * *" },
  handler: ({ step }) => step.run("requeue-stale-notifications", () => requeueStaleNotifications(deps.context("requeue-notifications"))),
});
