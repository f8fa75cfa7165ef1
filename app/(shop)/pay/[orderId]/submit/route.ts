import { setTimeout as sleep } from "node:timers/promises";
import { after } from "next/server";
import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { log } from "@/server/log";
import { withRequestLog } from "@/app/api/with-request-log";
import { submitTestCard } from "./submit-test-card";

export const POST = withRequestLog(async (request: Request, { params }: { params: Promise<{ orderId: string }> }) => {
  const [{ orderId }, actor] = await Promise.all([params, currentActor()]);
  return submitTestCard(request, {
    ctx: { db: appDb(), actor },
    orderId,
    defer: (deliver, delayMs) =>
      after(async () => {
        await sleep(delayMs);
        await deliver().catch((error: unknown) => log().error({ err: error, orderId }, "payment simulator: a delayed event was not delivered"));
      }),
  });
});
