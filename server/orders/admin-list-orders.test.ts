import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { adminListOrders } from "./admin-list-orders";
import type { AdminListOrdersInput } from "./schemas";
import { insertOrder, insertVariant } from "./test-fixtures";

const t = useTestDatabase();
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "admin-1" } });
const numbers: Record<string, number> = {};

beforeAll(async () => {
  const { variantId } = await insertVariant(t.db);
  const orders = [
    { key: "ada", email: "ada@example.com", status: "paid", paymentStatus: "succeeded" },
    { key: "grace", email: "grace.hopper@navy.test", status: "pending", paymentStatus: "awaiting" },
    { key: "alan", email: "alan@example.com", status: "cancelled", paymentStatus: "failed" },
    { key: "ada2", email: "ADA@example.com", status: "refunded", paymentStatus: "refunded" },
    { key: "percent", email: "100%_off@example.com", status: "pending", paymentStatus: "awaiting" },
  ] as const;
  for (const [i, o] of orders.entries()) {
    const { key, ...fixture } = o;
    numbers[key] = (await insertOrder(t.db, { variantId, ...fixture, placedAt: new Date(Date.UTC(2026, 10, 1 + i)) })).number;
  }
});

async function list(input: Partial<AdminListOrdersInput>) {
  const { items, total } = await adminListOrders(admin(), { page: 1, pageSize: 25, ...input });
  return { numbers: items.map((o) => o.number), total };
}

describe("adminListOrders", () => {
  it("lists every order, newest first, with the buyer's email", async () => {
    const { items, total } = await adminListOrders(admin(), { page: 1, pageSize: 25 });
    expect(total).toBe(5);
    expect(items.map((o) => o.number)).toEqual([numbers.percent, numbers.ada2, numbers.alan, numbers.grace, numbers.ada]);
    expect(items.at(-1)).toMatchObject({ email: "ada@example.com", status: "paid", totalAmount: 2999, refundedAmount: 0, itemCount: 2 });
  });

  it("filters by status", async () => {
    expect(await list({ status: "pending" })).toEqual({ numbers: [numbers.percent, numbers.grace], total: 2 });
    expect(await list({ status: "refunded" })).toEqual({ numbers: [numbers.ada2], total: 1 });
  });

  it("finds an order by its number, with or without #, and by any part of the email, ignoring case", async () => {
    expect(await list({ q: String(numbers.alan) })).toEqual({ numbers: [numbers.alan], total: 1 });
    expect(await list({ q: `#${numbers.grace}` })).toEqual({ numbers: [numbers.grace], total: 1 });
    expect(await list({ q: "Ada@Example" })).toEqual({ numbers: [numbers.ada2, numbers.ada], total: 2 });
    expect(await list({ q: "hopper" })).toEqual({ numbers: [numbers.grace], total: 1 });
    expect(await list({ q: "99999999999999999999" })).toEqual({ numbers: [], total: 0 });
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect(await list({ q: "%_off" })).toEqual({ numbers: [numbers.percent], total: 1 });
    expect(await list({ q: "a_a" })).toEqual({ numbers: [], total: 0 });
  });

  it("combines search with a status filter and pages through the result", async () => {
    expect(await list({ q: "example.com", status: "paid" })).toEqual({ numbers: [numbers.ada], total: 1 });
    expect(await list({ q: "example.com", pageSize: 2, page: 2 })).toEqual({ numbers: [numbers.alan, numbers.ada], total: 4 });
  });
});
