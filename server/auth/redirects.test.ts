import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { parseEnv } from "@/server/env";
import { hashPassword } from "@/server/users/password";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { authTestClient } from "./auth-test-client";
import { sameOriginRedirect } from "./callback-url";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const options = () => buildAuthOptions(parseEnv(developmentEnv), () => t.db);
const HOME = "http://localhost:3000/";

const OFF_SITE = [
  "https://evil.test/",
  "//evil.test/x",
  "/\\evil.test",
  "\\\\evil.test",
  "/\t/evil.test",
  " //evil.test",
  "/\n/evil.test",
  "http://localhost:3000@evil.test/",
  "http://user:pass@localhost:3000/orders",
  "https:evil.test",
  "http:/\\evil.test",
  "javascript:alert(1)",
  "data:text/html,hi",
  "http://[::1",
  "http://%zz",
  "http://localhost:3000.evil.test/",
  "http://localhost:3001/",
];

describe("where next-auth sends the browser after signing in and out", () => {
  it.each(OFF_SITE)("sends %j home after a password sign-in, with no 500", async (callbackUrl) => {
    await t.db.insert(users).values({ email: `r${OFF_SITE.indexOf(callbackUrl)}@shop.test`, passwordHash: await hashPassword("a long password here") }).onConflictDoNothing();
    const response = await authTestClient(options()).signInWithPassword(`r${OFF_SITE.indexOf(callbackUrl)}@shop.test`, "a long password here", callbackUrl);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ url: HOME });
  });

  it.each(OFF_SITE)("answers %j on the sign-in and sign-out routes without a 500 and without leaving the site", async (callbackUrl) => {
    const client = authTestClient(options());
    const signin = await client.call("GET", `signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(signin.status).toBeLessThan(500);
    if (signin.location) expect(new URL(signin.location, HOME).origin).toBe("http://localhost:3000");
    const signout = await client.call("POST", "signout", { csrfToken: await client.csrfToken(), callbackUrl, json: "true" });
    expect(signout.status).toBeLessThan(500);
    expect(signout.body).toEqual({ url: HOME });
  });

  it("keeps a path on this site, with encoded dots resolved as a path on this site", async () => {
    expect(sameOriginRedirect("/checkout?step=2#pay", "http://localhost:3000")).toBe("http://localhost:3000/checkout?step=2#pay");
    expect(sameOriginRedirect("http://localhost:3000/orders", "http://localhost:3000")).toBe("http://localhost:3000/orders");
    expect(sameOriginRedirect("/%2e%2e/%2e%2e/evil.test", "http://localhost:3000")).toMatch(/^http:\/\/localhost:3000\//);
    expect(sameOriginRedirect("%", "http://localhost:3000")).toBe("http://localhost:3000/%");
    expect(sameOriginRedirect("/%2F%2Fevil.test", "http://localhost:3000")).toBe("http://localhost:3000/%2F%2Fevil.test");
  });
});
