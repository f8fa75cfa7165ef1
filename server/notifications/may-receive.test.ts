import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { mayReceive } from "./may-receive";
import { queueNotifications } from "./queue-notifications";
import { updatePreferences } from "./update-preferences";
import { getPreferences } from "./get-preferences";

const t = useTestDatabase();
let userId: string;
let email: string;
let shopper: ServiceContext;
const system = () => ({ db: t.db, actor: { type: "system", name: "test" } }) as ServiceContext;

beforeAll(async () => {
  setSigningEnv();
  userId = await insertUser(t.db);
  [{ email }] = (await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId))) as [{ email: string }];
  shopper = { db: t.db, actor: { type: "shopper", userId } };
});

describe("preferences", () => {
  it("defaults: order and shipping updates on, marketing and back in stock opt-in; order updates by email locked", async () => {
    const other = await insertUser(t.db);
    const grid = await getPreferences({ db: t.db, actor: { type: "shopper", userId: other } });
    const cell = (category: string, channel: string) => grid.find((c) => c.category === category && c.channel === channel);
    expect(cell("order-updates", "email")).toEqual({ category: "order-updates", channel: "email", enabled: true, locked: true });
    expect(cell("shipping-updates", "sms")).toMatchObject({ enabled: true, locked: false });
    expect(cell("marketing", "email")).toMatchObject({ enabled: false, locked: false });
    expect(cell("back-in-stock", "push")).toMatchObject({ enabled: false, locked: false });
    expect(await mayReceive(system(), { address: "nobody@shop.test", category: "back-in-stock", channel: "email" })).toBe(false);
  });

  it("opting out of shipping updates by SMS stops SMS and keeps email", async () => {
    await updatePreferences(shopper, { changes: [{ category: "shipping-updates", channel: "sms", enabled: false }] });
    expect(await mayReceive(system(), { userId, category: "shipping-updates", channel: "sms" })).toBe(false);
    expect(await mayReceive(system(), { userId, category: "shipping-updates", channel: "email" })).toBe(true);
    expect(await mayReceive(system(), { address: email.toUpperCase(), category: "shipping-updates", channel: "email" })).toBe(true);
    const [shipped] = await queueNotifications(system(), { kind: "shipped", subjectId: "order-sms", recipients: [email] });
    expect(shipped).toMatchObject({ status: "queued", skipReason: null });
  });

  it("an email opted out of is recorded skipped with reason preference; order confirmations still go", async () => {
    await updatePreferences(shopper, { changes: [{ category: "shipping-updates", channel: "email", enabled: false }] });
    const [shipped] = await queueNotifications(system(), { kind: "shipped", subjectId: "order-opt-out", recipients: [email] });
    expect(shipped).toMatchObject({ status: "skipped", skipReason: "preference" });
    const [confirmation] = await queueNotifications(system(), { kind: "order-confirmation", subjectId: "order-opt-out", recipients: [email] });
    expect(confirmation).toMatchObject({ status: "queued" });
    const [welcome] = await queueNotifications(system(), { kind: "welcome", subjectId: userId, recipients: [email] });
    expect(welcome).toMatchObject({ status: "queued" });
  });

  it("order updates by email cannot be switched off; anonymous callers are refused", async () => {
    await expect(updatePreferences(shopper, { changes: [{ category: "order-updates", channel: "email", enabled: false }] })).rejects.toMatchObject({ kind: "Invalid" });
    await expect(getPreferences({ db: t.db, actor: { type: "anonymous" } })).rejects.toMatchObject({ kind: "Unauthenticated" });
  });

  it("marketing is opt-in: on once chosen, the last change to a cell wins", async () => {
    const grid = await updatePreferences(shopper, {
      changes: [
        { category: "marketing", channel: "email", enabled: false },
        { category: "marketing", channel: "email", enabled: true },
      ],
    });
    expect(grid.find((c) => c.category === "marketing" && c.channel === "email")).toMatchObject({ enabled: true });
    expect(await mayReceive(system(), { address: email, category: "marketing", channel: "email" })).toBe(true);
  });
});
