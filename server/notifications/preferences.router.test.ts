import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";
import { unsubscribeToken } from "./unsubscribe-link";

const t = useTestDatabase();
let owner: Actor & { userId: string };
let other: Actor & { userId: string };
let admin: Actor & { userId: string };
const anonymous: Actor = { type: "anonymous" };

type Procedures = Record<string, (input?: unknown) => Promise<unknown>>;
const callerOf = (actor: Actor) => createCaller({ db: t.db, actor }).preferences as unknown as Procedures;
const marketingSmsOn = (grid: unknown) => (grid as { category: string; channel: string; enabled: boolean }[]).find((c) => c.category === "marketing" && c.channel === "sms")!.enabled;

/** Each procedure's rule, checked for every kind of caller. */
const probes: Record<string, () => Promise<void>> = {
  get: async () => {
    expect((await clientError(callerOf(anonymous).get!())).code).toBe("UNAUTHORIZED");
    await callerOf(owner).update!({ changes: [{ category: "marketing", channel: "sms", enabled: true }] });
    expect(marketingSmsOn(await callerOf(owner).get!())).toBe(true);
    for (const someoneElse of [other, admin]) expect(marketingSmsOn(await callerOf(someoneElse).get!())).toBe(false);
  },
  update: async () => {
    expect((await clientError(callerOf(anonymous).update!({ changes: [{ category: "marketing", channel: "push", enabled: true }] }))).code).toBe("UNAUTHORIZED");
    const extra = { changes: [{ category: "marketing", channel: "push", enabled: true }], userId: owner.userId };
    expect((await clientError(callerOf(other).update!(extra))).code).toBe("BAD_REQUEST");
    expect((await clientError(callerOf(owner).update!({ changes: [{ category: "order-updates", channel: "email", enabled: false }] }))).code).toBe("BAD_REQUEST");
  },
  unsubscribeStatus: async () => {
    const token = unsubscribeToken({ category: "shipping-updates", userId: owner.userId });
    for (const actor of [anonymous, other]) await expect(callerOf(actor).unsubscribeStatus!({ token })).resolves.toMatchObject({ category: "shipping-updates" });
    expect((await clientError(callerOf(anonymous).unsubscribeStatus!({ token: `${token}x` }))).code).toBe("BAD_REQUEST");
  },
  unsubscribe: async () => {
    const token = unsubscribeToken({ category: "shipping-updates", userId: owner.userId });
    expect((await clientError(callerOf(other).unsubscribe!({ token: token.replace(owner.userId, other.userId) }))).code).toBe("BAD_REQUEST");
    await expect(callerOf(anonymous).unsubscribe!({ token })).resolves.toMatchObject({ result: "unsubscribed" });
  },
};

beforeAll(async () => {
  setSigningEnv();
  const [a, b, c] = await Promise.all([insertUser(t.db), insertUser(t.db), insertUser(t.db, "admin")]);
  owner = { type: "shopper", userId: a };
  other = { type: "shopper", userId: b };
  admin = { type: "admin", userId: c };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("preferences."))
  .map((path) => path.slice("preferences.".length));

describe("preferences authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(probes).sort());
  });

  it.each(procedureNames)("%s: a shopper reaches only their own choices; a link only its own target", async (name) => {
    await probes[name]!();
  });
});
