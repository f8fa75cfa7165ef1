import { appDb } from "@/server/db";
import { DomainError } from "@/server/errors";
import { unsubscribe } from "@/server/notifications/unsubscribe";

/**
 * POST /unsubscribe?token=…: a mail client's one-click unsubscribe (RFC 8058, body `List-Unsubscribe=One-Click`) or the
 * confirmation page's form. Reading the link (GET) never changes anything: it opens the confirmation page.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("via") === "page";
  try {
    const { result } = await unsubscribe({ db: appDb(), actor: { type: "anonymous" } }, { token });
    if (!fromPage) return new Response(result === "already" ? "Already unsubscribed" : "Unsubscribed", { status: 200 });
    return Response.redirect(new URL(`/unsubscribe/confirm?token=${encodeURIComponent(token)}&result=${result}`, url), 303);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (!fromPage) return new Response(error.message, { status: 400 });
    return Response.redirect(new URL(`/unsubscribe/confirm?token=${encodeURIComponent(token)}`, url), 303);
  }
}

export function GET(request: Request) {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/unsubscribe/confirm${url.search}`, url), 303);
}
