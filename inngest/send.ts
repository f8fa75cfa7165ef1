import { inngestConfigured } from "@/server/env";
import type { SendEvents } from "./relay";
import { sharedRunner } from "./runner";

/**
 * Where the outbox relay delivers: Inngest when a server is configured, else the in-process runner that
 * instrumentation.ts installed. Without either the relay fails and the rows wait, undelivered, for one to appear.
 */
export function eventSink(): SendEvents {
  // Imported on first use, so the in-process engine never loads the Inngest SDK.
  if (inngestConfigured()) return async (events) => (await import("./client")).inngest.send(events);
  return async (events) => {
    const runner = sharedRunner();
    if (!runner) throw new Error("no in-process runner is installed to receive events");
    await runner.emit(events);
  };
}
