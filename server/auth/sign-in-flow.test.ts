import { describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { parseEnv } from "@/server/env";
import { developmentEnv } from "@/test/env";
import { hashPassword } from "@/server/users/password";
import { useTestDatabase } from "@/test/db";
import { authTestClient } from "./auth-test-client";
import { buildAuthOptions } from "./options";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
const options = () => buildAuthOptions(parseEnv(developmentEnv), () => t.db);

describe("signing in with email and password through next-auth", () => {
  it("sets a session cookie whose session names the user and their role", async () => {
    const [admin] = await t.db
      .insert(users)
      .values({ email: "admin@shop.test", name: "Admin", role: "admin", passwordHash: await hashPassword("emporium-admin") })
      .returning({ id: users.id });
    const client = authTestClient(options());

    const response = await client.signInWithPassword("ADMIN@shop.test", "emporium-admin");
    expect(response.body).toEqual({ url: "http://localhost:3000/" });
    expect(client.jar.has("next-auth.session-token")).toBe(true);
    expect((await client.session()).user).toEqual({ id: admin!.id, email: "admin@shop.test", name: "Admin", role: "admin" });
  });

  it("answers CredentialsSignin and sets no session for a wrong password or an unknown email", async () => {
    await t.db.insert(users).values({ email: "sam@shop.test", name: "Sam", passwordHash: await hashPassword("right-password") });
    for (const [email, password] of [["sam@shop.test", "wrong-password"], ["nobody@shop.test", "right-password"]] as const) {
      const client = authTestClient(options());
      const response = await client.signInWithPassword(email, password);
      expect(response.status).toBe(401);
      expect(new URL((response.body as { url: string }).url).searchParams.get("error")).toBe("CredentialsSignin");
      expect(client.jar.has("next-auth.session-token")).toBe(false);
      expect(await client.session()).toEqual({});
    }
  });
});
