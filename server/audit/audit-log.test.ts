import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, warehouses } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError, shirtInput } from "../catalog/admin-test-fixtures";
import { insertVariant as insertStockedVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";

const t = useTestDatabase();
let admin: Extract<Actor, { type: "admin" }>;
let other: Extract<Actor, { type: "admin" }>;
let shop: Awaited<ReturnType<typeof seedShop>>;

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  admin = { type: "admin", userId: await insertUser(t.db, "admin") };
  other = { type: "admin", userId: await insertUser(t.db, "staff"), role: "staff" };
});

const caller = (actor: Actor) => createCaller({ db: t.db, actor });
const rows = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);

describe("audit log", () => {
  it("a product edit records who changed which product, with the changed fields and prices before and after", async () => {
    const { id } = await caller(admin).adminProducts.create(shirtInput(shop.categoryId, "audited-shirt"));
    const current = await caller(admin).adminProducts.get({ id });
    const variantsWithIds = shirtInput(shop.categoryId, "audited-shirt").variants.map((v) => ({ ...v, id: current.variants.find((c) => c.sku === v.sku)!.id }));
    const cheaper = variantsWithIds.map((v, i) => (i === 0 ? { ...v, priceAmount: 3900 } : v));
    await caller(admin).adminProducts.update({ ...shirtInput(shop.categoryId, "audited-shirt"), id, title: "Oxford shirt (sale)", variants: cheaper });

    expect(await rows("adminProducts.update")).toHaveLength(1);
    const { items } = await caller(admin).audit.list({ action: "adminProducts.update" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorId: admin.userId, actorRole: "admin", targetType: "product", targetId: String(id) });
    expect(items[0]!.changes).toEqual([
      { path: "title", before: "Oxford shirt", after: "Oxford shirt (sale)" },
      { path: `variants.${variantsWithIds[0]!.id}.priceAmount`, before: 4500, after: 3900 },
    ]);
  });

  it("a mutation that fails leaves no audit row and no change", async () => {
    const variantId = await insertStockedVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 2 }] });
    const input = { variantId, fromWarehouseId: shop.east, toWarehouseId: shop.west, quantity: 5 };
    expect((await clientError(caller(admin).inventory.transfer(input))).code).not.toBe("OK");
    expect(await rows("inventory.transfer")).toEqual([]);
  });

  it("is written in the mutation's transaction: when the audit row cannot be written, the change is rolled back", async () => {
    await t.db.execute(sql`alter table audit_log add constraint refuse_rows check (false) not valid`);
    try {
      await expect(caller(admin).inventory.createWarehouse({ code: "north", name: "North" })).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    } finally {
      await t.db.execute(sql`alter table audit_log drop constraint refuse_rows`);
    }
    expect(await t.db.select().from(warehouses).where(eq(warehouses.code, "north"))).toEqual([]);
    await caller(admin).inventory.createWarehouse({ code: "north", name: "North" });
    expect(await rows("inventory.createWarehouse")).toHaveLength(1);
  });

  it("a refund, which calls the payment provider, is recorded before the call and its outcome after, even when refused", async () => {
    const { variantId } = await insertVariant(t.db);
    const order = await insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
    const tooMuch = { orderId: order.id, refundId: randomUUID(), amount: order.totalAmount + 1, notifyCustomer: false };
    await expect(caller(admin).adminOrders.refund(tooMuch)).rejects.toBeDefined();
    const [requested, outcome] = await rows("adminOrders.refund");
    expect(requested).toMatchObject({ targetType: "order", targetId: order.id, after: { phase: "requested", input: { amount: order.totalAmount + 1 } } });
    expect(outcome).toMatchObject({ targetType: "order", targetId: order.id, after: { phase: "outcome", error: expect.stringMatching(/^BAD_REQUEST|^CONFLICT/) } });
  });

  it("lists newest first and filters by actor, action or its router, target and days", async () => {
    await caller(other).inventory.createWarehouse({ code: "south", name: "South" });
    const list = (filter: Parameters<ReturnType<typeof caller>["audit"]["list"]>[0]) => caller(admin).audit.list(filter);
    const all = await list({});
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((r) => r.id)).toEqual([...all.items.map((r) => r.id)].sort((a, b) => b - a));

    const staffEmail = all.items.find((r) => r.actorId === other.userId)!.actorEmail!;
    expect((await list({ actor: staffEmail.slice(0, 12) })).items.map((r) => [r.action, r.actorRole])).toEqual([["inventory.createWarehouse", "staff"]]);
    expect((await list({ action: "inventory" })).items.every((r) => r.action.startsWith("inventory."))).toBe(true);
    expect((await list({ action: "inventory" })).total).toBe(2);
    expect((await list({ action: "invent" })).total).toBe(0);
    const south = all.items.find((r) => r.actorId === other.userId)!;
    expect((await list({ targetType: south.targetType, targetId: south.targetId! })).items.map((r) => r.id)).toEqual([south.id]);

    const today = new Date().toISOString().slice(0, 10);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await list({ from: today, to: today })).total).toBe(all.total);
    expect((await list({ from: day(1) })).total).toBe(0);
    expect((await list({ to: day(-1) })).total).toBe(0);
    expect((await clientError(list({ from: "yesterday" }))).code).toBe("BAD_REQUEST");
  });
});
