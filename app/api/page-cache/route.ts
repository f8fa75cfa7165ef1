import { revalidateTag } from "next/cache";
import { z } from "zod";
import { isPageCacheToken, PAGE_CACHE_TOKEN_HEADER } from "@/app/(shop)/_lib/page-cache";
import { readBodyWithin } from "../webhooks/read-body-within";
import { withRequestLog } from "../with-request-log";

const MAX_BYTES = 64 * 1024;
const Body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(500) });

/**
 * Expires cached pages by tag at once (the next request renders them afresh). Called only by this process's own page
 * cache feed (app/(shop)/_lib/page-cache-feed.ts), which holds the token; anyone else gets 403.
 */
export const POST = withRequestLog(async (request: Request) => {
  if (!isPageCacheToken(request.headers.get(PAGE_CACHE_TOKEN_HEADER))) return Response.json({ error: "forbidden" }, { status: 403 });
  const text = await readBodyWithin(request, MAX_BYTES);
  if (text === null) return Response.json({ error: "body too large" }, { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return Response.json({ error: "body is not JSON" }, { status: 400 });
  }
  const body = Body.safeParse(json);
  if (!body.success) return Response.json({ error: "invalid body", issues: body.error.issues }, { status: 400 });
  for (const tag of body.data.tags) revalidateTag(tag, { expire: 0 });
  return new Response(null, { status: 204 });
});
