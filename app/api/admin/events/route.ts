import { currentActor } from "@/server/auth/session";
import { subscribeAdminFeed } from "@/server/admin/admin-feed";
import { appDb } from "@/server/db";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for the admin pages: `event: change` (data: the table) after every committed change to orders,
 * payments or refunds, from any app instance (PostgreSQL LISTEN/NOTIFY). Admins only: 401 signed out, 403 otherwise.
 * The subscription ends when the client goes away.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (actor.type === "anonymous") return Response.json({ error: "sign in first" }, { status: 401 });
  if (actor.type !== "admin") return Response.json({ error: "admins only" }, { status: 403 });

  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = await subscribeAdminFeed(appDb(), (table) => send(`event: change\ndata: ${table}\n\n`));
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        request.signal.removeEventListener("abort", close);
        unsubscribe().catch((error) => console.error("[admin events] could not stop listening", error));
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      if (request.signal.aborted) return close();
      request.signal.addEventListener("abort", close);
      // retry: how soon the browser reconnects after a drop; the comment flushes the headers at once.
      send("retry: 2000\n: connected\n\n");
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}
