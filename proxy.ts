import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdOf } from "./server/request-id";

const CATEGORY_PAGE = /^\/c\/[^/]+$/;

/**
 * Gives every page request an id (the proxy in front's, when well formed, or a new one) in its request headers, where the
 * server components' tRPC context reads it so their log lines and events carry it, and echoes it in the response. API
 * routes set theirs in withRequestLog.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const { pathname, search } = request.nextUrl;
  // A category's plain first page is served from the page cache (app/(shop)/c/[category]/page.tsx), which cannot read
  // the query; with filters, a sort or a page number it renders per request at /c/<slug>/filtered under the same address.
  const response = search && CATEGORY_PAGE.test(pathname)
    ? NextResponse.rewrite(new URL(`${pathname}/filtered${search}`, request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/|img/|favicon|icon|robots.txt|sitemap).*)"] };
