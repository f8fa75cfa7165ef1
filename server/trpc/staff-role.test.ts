import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, orders, refunds, variants } from "@/db/schema";
import { adminProcedurePaths, callPath } from "@/test/admin-procedures";
import { useTestDatabase } from "@/test/db";
import { clientError, shirtInput } from "../catalog/admin-test-fixtures";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { STAFF_REFUSED } from "./admin-policy";
import { createCaller } from "./root";

const t = useTestDatabase();
let admin: Actor;
let staff: Actor;
let shopper: Actor;
let categoryId: number;

beforeAll(async () => {
  setSigningEnv();
  categoryId = (await seedShop(t.db)).categoryId;
  const [adminId, staffId, shopperId] = await Promise.all([insertUser(t.db, "admin"), insertUser(t.db, "staff"), insertUser(t.db)]);
  admin = { type: "admin", userId: adminId, role: "admin" };
  staff = { type: "admin", userId: staffId, role: "staff" };
  shopper = { type: "shopper", userId: shopperId };
});

const caller = (actor: Actor) => createCaller({ db: t.db, actor });
const codeOf = async (promise: Promise<unknown>) => promise.then(() => "OK", async (e) => (await clientError(Promise.reject(e))).code);

describe("staff role", () => {
  const adminPaths = adminProcedurePaths();

  it("names only procedures that exist", () => {
    expect([...STAFF_REFUSED].filter((path) => !adminPaths.includes(path))).toEqual([]);
  });

  it.each(adminPaths)("%s: staff are refused exactly where the role says, shoppers always", async (path) => {
    const staffCode = await codeOf(callPath(caller(staff), path, {}));
    if (STAFF_REFUSED.has(path)) expect(staffCode).toBe("FORBIDDEN");
    else expect(staffCode).not.toMatch(/^(FORBIDDEN|UNAUTHORIZED)$/);
    expect(await codeOf(callPath(caller(shopper), path, {}))).toBe("FORBIDDEN");
  });

  it("staff cannot refund a paid order; nothing is refunded and no audit row is written", async () => {
    const { variantId } = await insertVariant(t.db);
    const order = await insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
    const input = { orderId: order.id, refundId: randomUUID(), amount: 100, notifyCustomer: false };
    expect(await codeOf(caller(staff).adminOrders.refund(input))).toBe("FORBIDDEN");
    expect(await t.db.select().from(refunds).where(eq(refunds.id, input.refundId))).toEqual([]);
    const [row] = await t.db.select({ refunded: orders.refundedAmount }).from(orders).where(eq(orders.id, order.id));
    expect(row!.refunded).toBe(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "adminOrders.refund"))).toEqual([]);
  });

  it("staff may edit a product's words but not its prices, nor add a variant, nor create a product", async () => {
    const created = await caller(admin).adminProducts.create(shirtInput(categoryId, "staff-shirt"));
    const current = await caller(admin).adminProducts.get({ id: created.id });
    const base = { ...shirtInput(categoryId, "staff-shirt"), id: created.id };
    const withIds = base.variants.map((v) => ({ ...v, id: current.variants.find((c) => c.sku === v.sku)!.id }));

    expect(await codeOf(caller(staff).adminProducts.update({ ...base, variants: withIds, title: "Oxford shirt, blue" }))).toBe("OK");
    const repriced = withIds.map((v, i) => (i === 0 ? { ...v, priceAmount: v.priceAmount - 1 } : v));
    expect(await codeOf(caller(staff).adminProducts.update({ ...base, variants: repriced }))).toBe("FORBIDDEN");
    const added = [...withIds, { ...withIds[0]!, id: undefined, sku: "STAFF-XL", title: "XL", optionValues: { size: "XL" } }];
    const options = [{ name: "Size", values: ["M", "L", "XL"] }];
    expect(await codeOf(caller(staff).adminProducts.update({ ...base, options, variants: added }))).toBe("FORBIDDEN");
    expect(await codeOf(caller(staff).adminProducts.create(shirtInput(categoryId, "staff-made")))).toBe("FORBIDDEN");

    const prices = await t.db.select({ price: variants.priceAmount }).from(variants).where(eq(variants.productId, created.id));
    expect(prices.map((p) => p.price).sort()).toEqual(withIds.map((v) => v.priceAmount).sort());
    expect(await codeOf(caller(admin).adminProducts.update({ ...base, variants: repriced }))).toBe("OK");
  });

  it("staff cannot read the audit log; admins can", async () => {
    expect(await codeOf(caller(staff).audit.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(caller(admin).audit.list({}))).toBe("OK");
  });
});
