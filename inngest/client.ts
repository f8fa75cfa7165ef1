import { Inngest } from "inngest";
import { inngestDevMode, inngestEnv } from "@/server/env";

function clientOptions() {
  const e = inngestEnv();
  const devUrl = e.INNGEST_DEV?.includes("://") ? e.INNGEST_DEV : undefined;
  return {
    id: "emporium",
    isDev: inngestDevMode(e),
    eventKey: e.INNGEST_EVENT_KEY,
    signingKey: e.INNGEST_SIGNING_KEY,
    baseUrl: e.INNGEST_BASE_URL ?? devUrl,
  };
}

/** The Inngest client; used only when an Inngest server is configured (see inngestConfigured in server/env.ts). */
export const inngest = new Inngest(clientOptions());
