import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { carts, mailboxMessages, notificationPreferences, notifications, orders, userAddresses, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { trpcCode } from "@/test/trpc-code";
import { developmentEnv } from "@/test/env";
import { insertOrder, insertVariant } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";
import { hashPassword } from "./password";

const t = useTestDatabase({ max: 12 });
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);

async function shopper(email: string, extra: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(users)
    .values({ email, name: "Quentin Zabriskie", passwordHash: await hashPassword("my own long password"), ...extra })
    .returning({ id: users.id });
  return { id: row!.id, api: createCaller({ db: t.db, actor: { type: "shopper", userId: row!.id } }).users };
}

const home = { name: "Quentin Zabriskie", line1: "42 Wobblewick Lane", city: "Thistleford", postalCode: "90210", region: "CA", country: "US" };


describe("profile and address book", () => {
  it("updates name and phone, and refuses a phone with letters", async () => {
    const { api } = await shopper("profile@shop.test");
    expect(await api.updateProfile({ name: " Quin ", phone: "+44 7700 900123" })).toMatchObject({ name: "Quin", phone: "+44 7700 900123", emailVerified: false, hasPassword: true });
    expect(await trpcCode(api.updateProfile({ name: "Quin", phone: "call me" }))).toBe("BAD_REQUEST");
    expect(await api.updateProfile({ name: "Quin", phone: "" })).toMatchObject({ phone: null });
  });

  it("adds, edits and deletes addresses, checked per country, with one default shipping and one default billing", async () => {
    const { api } = await shopper("book@shop.test");
    const first = await api.saveAddress({ address: home, defaultShipping: true, defaultBilling: true });
    const second = await api.saveAddress({ address: { ...home, line1: "7 Other Street", postalCode: "10001", region: "NY" }, defaultShipping: true });
    expect((await api.addresses()).map((a) => [a.id, a.defaultShipping, a.defaultBilling])).toEqual([
      [second.id, true, false],
      [first.id, false, true],
    ]);
    expect(await trpcCode(api.saveAddress({ address: { ...home, postalCode: "ABCDE" } }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api.saveAddress({ address: { ...home, region: undefined } }))).toBe("BAD_REQUEST");
    const gb = await api.saveAddress({ id: first.id, address: { ...home, country: "GB", postalCode: "sw1a2aa", region: undefined }, defaultBilling: true });
    expect(gb.address.postalCode).toBe("SW1A 2AA");
    await api.deleteAddress({ id: second.id });
    expect((await api.addresses()).map((a) => a.id)).toEqual([first.id]);
    expect(await trpcCode(api.deleteAddress({ id: second.id }))).toBe("NOT_FOUND");
  });

  it("keeps one default when many saves race to be it", async () => {
    const { id, api } = await shopper("race@shop.test");
    await Promise.allSettled(Array.from({ length: 8 }, (_, i) => api.saveAddress({ address: { ...home, line1: `${i} Race Row` }, defaultShipping: true })));
    const [row] = await t.db.select({ n: sql<number>`count(*) filter (where default_shipping)::int` }).from(userAddresses).where(eq(userAddresses.userId, id));
    expect(row!.n).toBe(1);
  });

  it("exports profile, addresses, orders, messages and consents as JSON", async () => {
    const { id, api } = await shopper("export@shop.test", { phone: "+1 555 0100" });
    await api.saveAddress({ address: home, defaultShipping: true });
    const { variantId } = await insertVariant(t.db);
    const order = await insertOrder(t.db, { variantId, userId: id, email: "export@shop.test" });
    await t.db.insert(notifications).values({ kind: "order-confirmation", subjectId: order.id, recipient: "export@shop.test", status: "sent" });
    await t.db.insert(notificationPreferences).values({ userId: id, category: "marketing", channel: "email", enabled: true });
    const data = JSON.parse(JSON.stringify(await api.exportMyData()));
    expect(data.profile).toMatchObject({ email: "export@shop.test", phone: "+1 555 0100" });
    expect(data.addresses).toHaveLength(1);
    expect(data.orders).toEqual([expect.objectContaining({ id: order.id, totalAmount: order.totalAmount, lines: [expect.objectContaining({ quantity: expect.any(Number) })] })]);
    expect(data.messages).toEqual([expect.objectContaining({ kind: "order-confirmation", status: "sent" })]);
    expect(data.consents).toEqual([expect.objectContaining({ category: "marketing", enabled: true })]);
  });
});

describe("deleting an account", () => {
  it("leaves no column of any table holding the email, name, phone or an address, keeps the orders' totals, and signs out", async () => {
    const email = "erase.me@shop.test";
    const phone = "+44 7700 900999";
    const { id, api } = await shopper(email, { phone, emailVerified: new Date(), name: "Ottoline Vexmoor" });
    const home = { name: "Ottoline Vexmoor", line1: "88 Quiverfen Close", city: "Marrowby", postalCode: "73301", region: "TX", country: "US" };
    await api.saveAddress({ address: home, defaultShipping: true });
    const { variantId } = await insertVariant(t.db);
    const order = await insertOrder(t.db, { variantId, userId: id, email });
    await t.db.update(orders).set({ shippingAddress: { ...home, phone } }).where(eq(orders.id, order.id));
    const [cart] = await t.db.select({ id: orders.cartId }).from(orders).where(eq(orders.id, order.id));
    await t.db.update(carts).set({ email, shippingAddress: home }).where(eq(carts.id, cart!.id));
    const [message] = await t.db.insert(notifications).values({ kind: "order-confirmation", subjectId: order.id, recipient: email, status: "sent" }).returning({ id: notifications.id });
    await t.db.insert(notifications).values({ kind: "shipped", subjectId: order.id, recipient: phone, channel: "sms", status: "sent" });
    await t.db.insert(mailboxMessages).values({ id: message!.id, from: "shop@x.test", to: email, subject: "Thanks Ottoline Vexmoor", html: home.line1, text: home.city, headers: {} });
    await t.db.insert(notificationPreferences).values({ address: email, category: "marketing", channel: "email", enabled: false });
    await createCaller({ db: t.db, actor: { type: "anonymous" }, ip: "10.8.0.1" }).users.requestPasswordReset({ email });
    const before = await t.db.select({ total: orders.totalAmount, userId: orders.userId }).from(orders).where(eq(orders.id, order.id));

    expect(await trpcCode(api.deleteAccount({ password: "not my password" }))).toBe("BAD_REQUEST");
    await api.deleteAccount({ password: "my own long password" });

    const needles = [email, "Ottoline", "Vexmoor", "7700 900999", home.line1, home.city, home.postalCode];
    const columns = await t.db.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`);
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      for (const needle of needles) {
        const [hit] = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
        );
        if (hit!.n > 0) found.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(found).toEqual([]);
    expect(await t.db.select({ total: orders.totalAmount, userId: orders.userId }).from(orders).where(eq(orders.id, order.id))).toEqual(before);
    const [after] = await t.db.select({ sessionVersion: users.sessionVersion, passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(after).toEqual({ sessionVersion: 1, passwordHash: null });
  });
});
