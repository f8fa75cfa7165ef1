import { unstable_rethrow } from "next/navigation";
import { log, requestLog, withRequestId } from "@/server/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/request-id";

function withHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Immutable headers (a redirect made with Response.redirect): copy the response.
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Wraps a route handler: everything it logs (and every event it writes) carries the request's id, the response echoes
 * the id, one line records the request's method, path (never its query, which can hold a signed link), status and
 * duration, and an error that escapes it is logged and answered 500 without its message.
 */
export function withRequestLog<A extends unknown[]>(handler: (request: Request, ...rest: A) => Response | Promise<Response>) {
  return (request: Request, ...rest: A): Promise<Response> => {
    const requestId = requestIdOf(request);
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const { pathname } = new URL(request.url);
      let response: Response;
      try {
        response = await handler(request, ...rest);
      } catch (error) {
        // redirect() and notFound() throw: they are answers, not failures.
        unstable_rethrow(error);
        log().error({ err: error, method: request.method, path: pathname }, "request failed");
        response = Response.json({ error: "Something went wrong on our side", requestId }, { status: 500 });
      }
      const ms = Math.round((performance.now() - started) * 10) / 10;
      requestLog().info({ method: request.method, path: pathname, status: response.status, ms }, "request");
      return withHeader(response, requestId);
    });
  };
}
