import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as signedOut } from "@/app/(auth)/signed-out/route";
import { users } from "@/db/schema";
import { serverEnvironment } from "@/scripts/server-environment";
import { parseEnv } from "@/server/env";
import { hashPassword } from "@/server/users/password";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { authTestClient, type AuthResponse } from "./auth-test-client";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), "emporium-port-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// `PORT=4123 npm run dev` with NEXTAUTH_URL unset: the environment the start script hands the server, which next-auth
// reads from process.env as the server would.
const ORIGIN = "http://localhost:4123";
const served = serverEnvironment({ ...developmentEnv, NODE_ENV: "development", NEXTAUTH_URL: "" }, { production: false, dataDir, port: 4123 });
for (const name of ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "LINK_SIGNING_SECRET", "DATABASE_URL"] as const) vi.stubEnv(name, served[name]!);

describe("a server on a port other than 3000", () => {
  it("keeps every redirect of signing in and out on the origin it serves", async () => {
    expect(served.NEXTAUTH_URL).toBe(ORIGIN);
    await t.db.insert(users).values({ email: "porter@shop.test", passwordHash: await hashPassword("a long enough password") });
    const client = authTestClient(buildAuthOptions(parseEnv(served), () => t.db), { origin: ORIGIN });
    const seen: string[] = [];
    const record = (res: AuthResponse) => {
      for (const url of [res.location, (res.body as { url?: string } | undefined)?.url]) if (url) seen.push(url);
      return res;
    };

    record(await client.call("GET", "signin"));
    record(await client.call("GET", "signin?callbackUrl=%2Faccount"));
    record(await client.signInWithPassword("porter@shop.test", "not the password", "/account"));
    record(await client.signInWithPassword("porter@shop.test", "a long enough password", "/account"));
    expect((await client.session()).user).toMatchObject({ email: "porter@shop.test" });
    record(await client.call("GET", "error?error=Callback"));
    record(await client.call("POST", "signout", { csrfToken: await client.csrfToken(), callbackUrl: "/signed-out", json: "true" }));
    expect(await client.session()).toEqual({});
    seen.push(signedOut().headers.get("location")!);

    expect(seen.length).toBeGreaterThanOrEqual(7);
    for (const url of seen) expect(new URL(url, ORIGIN).origin, url).toBe(ORIGIN);
    expect(seen).toContain(`${ORIGIN}/account`);
    expect(seen).toContain(`${ORIGIN}/signed-out`);
    expect(seen).toContain(`${ORIGIN}/`);
    for (const cookie of client.setCookies.filter((c) => /callback-url/.test(c))) expect(decodeURIComponent(cookie)).not.toContain(":3000");
  });
});
