import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { parseEnv } from "@/server/env";
import { createCaller } from "@/server/trpc/root";
import { hashPassword } from "@/server/users/password";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { authTestClient } from "./auth-test-client";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const options = (url = "http://localhost:3000") => buildAuthOptions(parseEnv({ ...developmentEnv, NEXTAUTH_URL: url }), () => t.db);
const PASSWORD = "the first password";

async function signedIn(email: string) {
  const client = authTestClient(options());
  expect((await client.signInWithPassword(email, PASSWORD)).status).toBe(200);
  return client;
}

/** Another browser holding a copy of `client`'s cookies. */
function copyOf(client: ReturnType<typeof authTestClient>) {
  const copy = authTestClient(options());
  for (const [name, value] of client.jar) copy.jar.set(name, value);
  return copy;
}

describe("sessions that end", () => {
  it("signs a copied cookie out once its session signed out", async () => {
    await t.db.insert(users).values({ email: "leaky@shop.test", passwordHash: await hashPassword(PASSWORD) });
    const client = await signedIn("leaky@shop.test");
    const stolen = copyOf(client);
    expect((await stolen.session()).user).toMatchObject({ email: "leaky@shop.test" });

    expect((await client.signOut()).status).toBe(200);
    expect(client.jar.has("next-auth.session-token")).toBe(false);
    expect((await stolen.session()).user).toBeUndefined();
  });

  it("ends the other sessions when the password changes, and the new password signs in", async () => {
    const [user] = await t.db.insert(users).values({ email: "mover@shop.test", passwordHash: await hashPassword(PASSWORD) }).returning({ id: users.id });
    const laptop = await signedIn("mover@shop.test");
    const phone = await signedIn("mover@shop.test");
    await createCaller({ db: t.db, actor: { type: "shopper", userId: user!.id } }).users.changePassword({
      currentPassword: PASSWORD,
      newPassword: "a brand new passphrase",
    });
    expect((await laptop.session()).user).toBeUndefined();
    expect((await phone.session()).user).toBeUndefined();
    expect((await authTestClient(options()).signInWithPassword("mover@shop.test", PASSWORD)).status).toBe(401);
    expect((await laptop.signInWithPassword("mover@shop.test", "a brand new passphrase")).status).toBe(200);
    expect((await laptop.session()).user).toMatchObject({ id: user!.id });
  });

  it("marks cookies Secure (and __Secure-/__Host- prefixed) when the public URL is https, and not on plain http", async () => {
    await t.db.insert(users).values({ email: "secure@shop.test", passwordHash: await hashPassword(PASSWORD) });
    const https = authTestClient(options("https://shop.example"), { origin: "https://shop.example" });
    expect((await https.signInWithPassword("secure@shop.test", PASSWORD)).status).toBe(200);
    expect([...https.setCookies].filter((c) => c.includes("session-token"))).toEqual([expect.stringMatching(/^__Secure-next-auth\.session-token=.*; Secure/i)]);
    expect([...https.setCookies].every((c) => /; Secure/i.test(c))).toBe(true);

    const http = await signedIn("secure@shop.test");
    expect([...http.setCookies].some((c) => /; Secure/i.test(c))).toBe(false);
  });
});
