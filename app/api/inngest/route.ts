import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/functions/serve-inngest";
import { inngestConfigured } from "@/server/env";

const served = serve({ client: inngest, functions: inngestFunctions });

/** The endpoint an Inngest server calls; without one the functions run in-process and there is nothing to serve. */
function handle(method: "GET" | "POST" | "PUT") {
  return (request: NextRequest, context: unknown) =>
    inngestConfigured()
      ? served[method](request, context)
      : Response.json({ error: "No Inngest server is configured (INNGEST_DEV or INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY): functions run in-process" }, { status: 404 });
}

export const GET = handle("GET");
export const POST = handle("POST");
export const PUT = handle("PUT");
