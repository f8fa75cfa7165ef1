import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { emailSuppressions, notifications, orders, userAddresses, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";

const t = useTestDatabase();
let shopper: Actor;
let admin: Actor;
let customerId: string;
let customerEmail: string;
let paidUsd: { id: string; totalAmount: number };
let matrixVictimId: string;

beforeAll(async () => {
  setSigningEnv();
  const { variantId } = await insertVariant(t.db);
  const [shopperId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db, "admin")]);
  shopper = { type: "shopper", userId: shopperId };
  admin = { type: "admin", userId: adminId };
  customerId = await insertUser(t.db);
  await t.db.update(users).set({ name: "Grace Hopper", email: "Grace.Hopper@Shop.test" }).where(eq(users.id, customerId));
  customerEmail = "grace.hopper@shop.test";
  paidUsd = await insertOrder(t.db, { variantId, userId: customerId, status: "paid", paymentStatus: "succeeded", payment: "succeeded", refundedAmount: 1000 });
  // Its payment row would hold the currency too; the figures read only the order.
  const paidEur = await insertOrder(t.db, { variantId, userId: customerId, status: "paid" });
  await t.db.update(orders).set({ currency: "EUR" }).where(eq(orders.id, paidEur.id));
  // Never paid: counted as an order, worth nothing.
  await insertOrder(t.db, { variantId, userId: customerId, status: "cancelled", cancelReason: "payment not received" });
  await t.db.insert(notifications).values([
    { kind: "order-confirmation", subjectId: paidUsd.id, recipient: customerEmail, channel: "email", status: "sent", userId: customerId },
    { kind: "shipped", subjectId: crypto.randomUUID(), recipient: "+447700900123", channel: "sms", status: "sent", userId: customerId },
    // Sent to their address before the account existed (a guest order).
    { kind: "order-confirmation", subjectId: crypto.randomUUID(), recipient: customerEmail, channel: "email", status: "bounced" },
    { kind: "order-confirmation", subjectId: crypto.randomUUID(), recipient: "someone-else@shop.test", channel: "email", status: "sent" },
  ]);
  await t.db.insert(emailSuppressions).values({ address: customerEmail, reason: "bounced", detail: "mailbox does not exist" });
  matrixVictimId = await insertUser(t.db);
  await t.db.insert(userAddresses).values([
    { userId: customerId, address: { name: "Grace Hopper", line1: "1 Harbour Rd", city: "Bristol", postalCode: "BS1 4RN", country: "GB" }, defaultBilling: true },
    { userId: customerId, address: { name: "Grace Hopper", line1: "9 Navy Yard", city: "Arlington", region: "VA", postalCode: "22202", country: "US" }, defaultShipping: true },
    { userId: matrixVictimId, address: { name: "Someone Else", line1: "2 Elm St", city: "Leeds", postalCode: "LS1 1AA", country: "GB" } },
  ]);
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminCustomers."))
  .map((path) => path.slice("adminCustomers.".length));

const validInputs: Record<string, () => unknown> = {
  list: () => ({}),
  get: () => ({ userId: customerId }),
  addNote: () => ({ userId: customerId, body: "Prefers parcels left with the neighbour" }),
  sendPasswordReset: () => ({ userId: matrixVictimId }),
  // Its own customer: the admin's call erases it, and the tests below still need Grace.
  anonymise: () => ({ userId: matrixVictimId }),
};

async function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor }).adminCustomers as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  return procedures[name]!(validInputs[name]!());
}

describe("adminCustomers authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper (even the customer) -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    expect((await clientError(call({ type: "shopper", userId: customerId }, name))).code).toBe("FORBIDDEN");
    await call(admin, name); // the admin's call succeeds (a rejection fails the test)
  });
});

describe("adminCustomers", () => {
  const adminCaller = () => createCaller({ db: t.db, actor: admin }).adminCustomers;

  it("finds a customer by part of the name or the email, with the order count and what they spent per currency less refunds", async () => {
    for (const q of ["grace", "GRACE.HOPPER@", "Grace Hop"]) {
      const { items, total } = await adminCaller().list({ q });
      expect([items.map((c) => c.email), total], q).toEqual([["Grace.Hopper@Shop.test"], 1]);
      expect(items[0]).toMatchObject({ id: customerId, name: "Grace Hopper", orderCount: 3 });
      expect(items[0]!.lifetimeValue).toEqual([
        { currency: "EUR", amount: paidUsd.totalAmount },
        { currency: "USD", amount: paidUsd.totalAmount - 1000 },
      ]);
    }
    expect((await adminCaller().list({ q: "%" })).total).toBe(0);
    const everyone = await adminCaller().list({ pageSize: 100 });
    expect(everyone.items.map((c) => c.id)).not.toContain(admin.type === "admin" ? admin.userId : "");
  });

  it("shows a customer's orders, the messages to their account or address (not others'), their suppressed address and their address book", async () => {
    const customer = await adminCaller().get({ userId: customerId });
    expect(customer.orders).toHaveLength(3);
    expect(customer.messages.map((m) => [m.label, m.channel, m.status])).toEqual(
      expect.arrayContaining([
        ["Order confirmation", "email", "sent"],
        ["Shipped", "sms", "sent"],
        ["Order confirmation", "email", "bounced"],
      ]),
    );
    expect(customer.messages).toHaveLength(3);
    expect(customer.suppression).toMatchObject({ address: customerEmail, reason: "bounced" });
    // Their address book only, the default for shipping first.
    expect(customer.addresses.map((a) => [a.address.line1, a.defaultShipping, a.defaultBilling])).toEqual([
      ["9 Navy Yard", true, false],
      ["1 Harbour Rd", false, true],
    ]);
  });

  it("answers NOT_FOUND for an unknown id or an admin's, BAD_REQUEST for a bad input", async () => {
    expect((await clientError(adminCaller().get({ userId: crypto.randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await clientError(adminCaller().get({ userId: admin.type === "admin" ? admin.userId : "" }))).code).toBe("NOT_FOUND");
    expect((await clientError(adminCaller().list({ pageSize: 1000 }))).code).toBe("BAD_REQUEST");
    expect((await clientError(adminCaller().list({ q: "x".repeat(201) }))).code).toBe("BAD_REQUEST");
  });
});
