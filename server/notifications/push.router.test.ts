import { eq } from "drizzle-orm";
import webpush from "web-push";
import { beforeAll, describe, expect, it } from "vitest";
import { pushSubscriptions } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { insertUser } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";

const t = useTestDatabase();
let owner: Actor;
let other: Actor;
let admin: Actor;
let sequence = 0;

const subscription = (endpoint: string) => ({ endpoint, expirationTime: null, keys: { p256dh: "BPxq".padEnd(87, "A"), auth: "c2VjcmV0LWF1dGg" } });
const validInputs: Record<string, () => unknown> = {
  publicKey: () => undefined,
  status: () => ({ endpoint: "https://push.test/send/status" }),
  subscribe: () => subscription(`https://push.test/send/${++sequence}`),
  unsubscribe: () => ({ endpoint: "https://push.test/send/none" }),
};

const vapid = webpush.generateVAPIDKeys();

beforeAll(async () => {
  Object.assign(process.env, { DATABASE_URL: t.url, NEXTAUTH_SECRET: "x".repeat(40), VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey });
  const [a, b, c] = await Promise.all([insertUser(t.db), insertUser(t.db), insertUser(t.db, "admin")]);
  owner = { type: "shopper", userId: a };
  other = { type: "shopper", userId: b };
  admin = { type: "admin", userId: c };
});

const push = (actor: Actor) => createCaller({ db: t.db, actor }).push;
const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((p) => p.startsWith("push."))
  .map((p) => p.slice("push.".length));

describe("push authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper and admin -> ok", async (name) => {
    const call = (actor: Actor) => (push(actor) as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]!(validInputs[name]!());
    expect((await clientError(call({ type: "anonymous" }))).code).toBe("UNAUTHORIZED");
    await expect(call(owner)).resolves.toBeDefined();
    await expect(call(admin)).resolves.toBeDefined();
  });

  it("gives the VAPID public key browsers subscribe with", async () => {
    expect(await push(owner).publicKey()).toEqual({ publicKey: vapid.publicKey });
  });

  it("a shopper sees and removes only their own subscription; the same browser subscribing for another shopper moves it", async () => {
    const endpoint = "https://push.test/send/shared-browser";
    await push(owner).subscribe(subscription(endpoint));
    expect(await push(owner).status({ endpoint })).toEqual({ subscribed: true });
    expect(await push(other).status({ endpoint })).toEqual({ subscribed: false });
    await push(other).unsubscribe({ endpoint });
    expect(await push(owner).status({ endpoint })).toEqual({ subscribed: true });

    await push(other).subscribe(subscription(endpoint));
    const rows = await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
    expect(rows.map((r) => r.userId)).toEqual([(other as { userId: string }).userId]);
    await push(other).unsubscribe({ endpoint });
    expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint))).toEqual([]);
  });

  it("refuses an endpoint that is not https or keys that are not base64url", async () => {
    expect((await clientError(push(owner).subscribe(subscription("http://push.test/x")))).code).toBe("BAD_REQUEST");
    expect((await clientError(push(owner).subscribe({ ...subscription("https://push.test/y"), keys: { p256dh: "not base64!", auth: "x" } }))).code).toBe("BAD_REQUEST");
  });
});
