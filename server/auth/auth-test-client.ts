import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type AuthOptions } from "next-auth";
import { retryAfterOf } from "./too-many-attempts";

export interface AuthResponse {
  status: number;
  location: string | null;
  body: unknown;
  /** Retry-After, set when the route answers 429 (see withTooManyAttemptsStatus). */
  retryAfter?: number;
}

/**
 * Drives next-auth's real request handling (CSRF, callbacks, JWT cookies) in-process, with a cookie jar, for tests.
 * It goes through the pages-router entry point, which needs no Next request scope; the app router's handler differs only in reading next/headers.
 * Like the route (app/api/auth), a refused credentials attempt answers 429 with its wait. `ip` is sent as X-Forwarded-For.
 */
export function authTestClient(options: AuthOptions, client: { ip?: string; origin?: string } = {}) {
  const jar = new Map<string, string>();
  /** Every Set-Cookie line the client received, attributes included. */
  const setCookies: string[] = [];
  const origin = client.origin ?? "http://localhost:3000";

  async function call(method: "GET" | "POST", path: string, body?: Record<string, string>): Promise<AuthResponse> {
    const url = new URL(path, `${origin}/api/auth/`);
    const headers = new Map<string, string | string[]>();
    const response: AuthResponse = { status: 200, location: null, body: undefined };
    const req = {
      method,
      body,
      query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.replace("/api/auth/", "").split("/") },
      cookies: Object.fromEntries(jar),
      headers: { host: url.host, ...(client.ip ? { "x-forwarded-for": client.ip } : {}) },
    };
    const res = {
      status: (code: number) => ((response.status = code), res),
      getHeader: (name: string) => headers.get(name.toLowerCase()),
      setHeader: (name: string, value: string | string[]) => (headers.set(name.toLowerCase(), value), res),
      end: () => res,
      json: (value: unknown) => ((response.body = value), res),
      send: (value: unknown) => ((response.body = value), res),
    };
    await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
    response.location = (headers.get("location") as string | undefined) ?? null;
    const wait = response.status === 401 ? retryAfterOf((response.body as { url?: string } | undefined)?.url) : null;
    if (wait !== null) Object.assign(response, { status: 429, retryAfter: wait });
    for (const line of [headers.get("set-cookie") ?? []].flat()) {
      setCookies.push(line);
      const pair = line.slice(0, line.indexOf(";"));
      const name = pair.slice(0, pair.indexOf("="));
      const value = decodeURIComponent(pair.slice(name.length + 1));
      if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  return {
    jar,
    setCookies,
    call,
    async csrfToken() {
      return ((await call("GET", "csrf")).body as { csrfToken: string }).csrfToken;
    },
    async signInWithPassword(email: string, password: string, callbackUrl = "/") {
      return call("POST", "callback/credentials", { csrfToken: await this.csrfToken(), email, password, json: "true", callbackUrl });
    },
    async signOut() {
      return call("POST", "signout", { csrfToken: await this.csrfToken(), json: "true" });
    },
    async session() {
      return (await call("GET", "session")).body as { user?: unknown; expires?: string };
    },
  };
}
