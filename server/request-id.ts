export const REQUEST_ID_HEADER = "x-request-id";

// An id a proxy or load balancer set is kept when it is a plain token: nothing in it can forge or split a log line.
const WELL_FORMED_ID = /^[\w.:@-]{1,128}$/;

/** The id in `headers` when it is well formed, else null. */
export function givenRequestId(headers: Headers): string | null {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && WELL_FORMED_ID.test(given) ? given : null;
}

/** The request's id: the one a proxy in front set in `x-request-id`, or a new one. */
export function requestIdOf(request: Request): string {
  return givenRequestId(request.headers) ?? crypto.randomUUID();
}
