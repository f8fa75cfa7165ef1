import { cookies, headers } from "next/headers";
import { givenRequestId } from "../request-id";
import { appDb } from "../db";
import { clientIp } from "../abuse/client-ip";
import { currentActor } from "../auth/session";
import { currentRequestId } from "../log";
import { CART_COOKIE, cartCookieHeader, readCartCookie } from "../cart/cart-cookie";
import type { TrpcContext } from "./init";

/**
 * The per-request context: the shared pool, the actor read from the next-auth session cookie and the guest cart id from
 * the signed cart cookie. With `resHeaders` (the API route) the cart cookie can be set; server components only read it.
 */
export async function createTrpcContext(options: { req?: Request; resHeaders?: Headers } = {}): Promise<TrpcContext> {
  const [actor, jar] = await Promise.all([currentActor(), cookies()]);
  const { req, resHeaders } = options;
  const secure = () => (req ? new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https" : false);
  return {
    db: appDb(),
    actor,
    ip: req ? clientIp(req.headers) : null,
    // A route handler's id is already current (withRequestLog); a server component's comes from proxy.ts.
    requestId: currentRequestId() ?? givenRequestId(await headers()),
    guestCartId: readCartCookie(jar.get(CART_COOKIE)?.value),
    setGuestCartId: (id) => resHeaders?.append("Set-Cookie", cartCookieHeader(id, { secure: secure() })),
  };
}
