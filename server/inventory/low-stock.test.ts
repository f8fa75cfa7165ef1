import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { insertPendingOrder, insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { outboxEvents } from "../events/test-outbox";
import { renderNotification } from "../notifications/render-notification";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { adjustStock } from "./adjust-stock";
import { queueLowStockAlert } from "./queue-low-stock-alert";
import { releaseStock, reserveStock } from "./reserve-stock";
import { setLowStockThreshold } from "./set-low-stock-threshold";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
let admin: () => ServiceContext;

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  const userId = await insertUser(t.db, "admin");
  admin = () => ({ db: t.db, actor: { type: "admin", userId } });
});

async function crossings(variantId: number) {
  return (await outboxEvents(t.db)).filter((e) => e.name === "shop/variant.low-stock" && e.data.variantId === variantId).map((e) => e.data);
}

/** What the admins are sent: every ledger row of the variant's alerts, after each announcement was consumed twice. */
async function alertsSent(variantId: number) {
  for (const data of await crossings(variantId)) {
    const input = data as { variantId: number; crossing: number };
    await queueLowStockAlert({ db: t.db, actor: { type: "system", name: "test" } }, input);
    await queueLowStockAlert({ db: t.db, actor: { type: "system", name: "test" } }, input);
  }
  return t.db
    .select({ id: notifications.id, subjectId: notifications.subjectId, status: notifications.status })
    .from(notifications)
    .where(and(eq(notifications.kind, "admin-low-stock"), like(notifications.subjectId, `${variantId}:%`)));
}

describe("low-stock alerts", () => {
  it("crossing the threshold 20 times by small steps alerts once; a restock above it arms the next alert", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 8 }, { warehouseId: shop.west, onHand: 0 }] });
    await setLowStockThreshold(admin(), { variantId, threshold: 5 });
    expect(await crossings(variantId)).toEqual([]);

    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -2, reason: "damaged" }); // 6 available
    for (let i = 0; i < 20; i++) {
      // Down to the threshold by a checkout hold, back above when the hold ends: a crossing each time.
      const orderId = await insertPendingOrder(t.db);
      await reserveStock(admin(), { orderId, expiresAt: new Date(Date.now() + 60_000), lines: [{ variantId, quantity: 1 }] });
      await releaseStock(admin(), { orderId, reason: "expired" });
    }
    for (let i = 0; i < 3; i++) await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -1, reason: "lost" });
    expect(await crossings(variantId)).toEqual([{ variantId, crossing: 1 }]);
    const first = await alertsSent(variantId);
    expect(first).toEqual([{ id: expect.any(String), subjectId: `${variantId}:1`, status: "queued" }]);

    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: 10, reason: "received" });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -12, reason: "count correction" });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -1, reason: "damaged" });
    expect(await crossings(variantId)).toEqual([
      { variantId, crossing: 1 },
      { variantId, crossing: 2 },
    ]);
    expect((await alertsSent(variantId)).map((n) => n.subjectId).sort()).toEqual([`${variantId}:1`, `${variantId}:2`]);

    const email = await renderNotification({ db: t.db, actor: { type: "system", name: "test" } }, { notificationId: first[0]!.id });
    expect(email).toMatchObject({ subject: expect.stringMatching(/^Low stock: /) });
    expect((email as { text: string }).text).toContain("0 (warn at 5)");
  });

  it("a threshold raised above what is available alerts at once; the shop default applies without one", async () => {
    const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 7 }] });
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -1, reason: "damaged" });
    expect(await crossings(variantId)).toEqual([]);
    await adjustStock(admin(), { variantId, warehouseId: shop.east, delta: -1, reason: "damaged" });
    expect(await crossings(variantId)).toEqual([{ variantId, crossing: 1 }]);

    const other = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 9 }] });
    await setLowStockThreshold(admin(), { variantId: other, threshold: 10 });
    expect(await crossings(other)).toEqual([{ variantId: other, crossing: 1 }]);
  });
});
