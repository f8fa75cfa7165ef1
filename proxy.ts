import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdOf } from "./server/request-id";

/**
 * Gives every page request an id (the proxy in front's, when well formed, or a new one) in its request headers, where the
 * server components' tRPC context reads it so their log lines and events carry it, and echoes it in the response. API
 * routes set theirs in withRequestLog.
 */
export function proxy(request: NextRequest) {
  const requestId = requestIdOf(request);
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/|img/|favicon|icon|robots.txt|sitemap).*)"] };
