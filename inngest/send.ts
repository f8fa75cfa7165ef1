import { inngestConfigured } from "@/server/env";
import { inngest } from "./client";
import { parseShopEvent, type ShopEvent } from "./events";
import { sharedRunner } from "./runner";

/**
 * Sends shop events: to Inngest when a server is configured, else to the in-process runner that instrumentation.ts
 * installed. Call it only after the transaction that caused the events has committed. In a process with neither
 * (a script, another domain's unit test) the events reach no function, as with an Inngest app that has none.
 */
export async function emitEvent(events: ShopEvent | ShopEvent[]): Promise<void> {
  const list = (Array.isArray(events) ? events : [events]).map(parseShopEvent);
  if (inngestConfigured()) {
    await inngest.send(list);
    return;
  }
  await sharedRunner()?.emit(list);
}
