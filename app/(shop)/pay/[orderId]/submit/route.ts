import { setTimeout as sleep } from "node:timers/promises";
import { after } from "next/server";
import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { submitTestCard } from "./submit-test-card";

export async function POST(request: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const [{ orderId }, actor] = await Promise.all([params, currentActor()]);
  return submitTestCard(request, {
    ctx: { db: appDb(), actor },
    orderId,
    defer: (deliver, delayMs) =>
      after(async () => {
        await sleep(delayMs);
        await deliver().catch((error: unknown) => console.error(`payment simulator: delayed event for order ${orderId} was not delivered`, error));
      }),
  });
}
