import { and, asc, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, categories, productImages, returnLines, shipmentLines, variants } from "@/db/schema";
import { adminProcedurePaths, callPath } from "@/test/admin-procedures";
import { useTestDatabase } from "@/test/db";
import { shirtInput } from "../catalog/admin-test-fixtures";
import { insertShopper, insertVariant as insertStockedVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { createMailboxSender } from "../notifications/mailbox-sender";
import { queueNotifications } from "../notifications/queue-notifications";
import { sendNotification } from "../notifications/send-notification";
import { suppressAddress } from "../notifications/suppress-address";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { approveReturn } from "../returns/approve-return";
import { receiveReturn } from "../returns/receive-return";
import { requestReturn } from "../returns/request-return";
import { adminContext, deliveredOrder, shopperContext } from "../returns/test-fixtures";
import { buyShipmentLabel } from "../shipping/buy-shipment-label";
import { createShipmentsForOrder } from "../shipping/create-shipments-for-order";
import { countingSimulator, fulfilmentContext, paidOrder, weighedVariant, type Shop } from "../shipping/test-fixtures";
import { CALLS_OUT } from "../trpc/admin-policy";
import { createCaller } from "../trpc/root";

const t = useTestDatabase({ max: 10 });
const carrier = countingSimulator();
let shop: Shop;
let admin: Extract<Actor, { type: "admin" }>;
let shopperId: string;
let probes: Record<string, () => Promise<unknown>>;

const adminMutations = adminProcedurePaths("mutation");

const adminCall = (path: string, input: unknown) => callPath(createCaller({ db: t.db, actor: admin, carrier }), path, input);

async function pendingShipment() {
  const variantId = await weighedVariant(t.db, shop, { east: 2, west: 0 });
  const orderId = await paidOrder(t.db, [{ variantId, quantity: 2 }]);
  const [shipmentId] = await createShipmentsForOrder(fulfilmentContext(t.db, carrier), { orderId });
  const [line] = await t.db.select({ orderLineId: shipmentLines.orderLineId }).from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId!));
  return { shipmentId: shipmentId!, orderLineId: line!.orderLineId };
}

async function returnIn(status: "requested" | "approved" | "received") {
  const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId: shopperId });
  const returnId = randomUUID();
  await requestReturn(shopperContext(t.db, shopperId), { orderId, returnId, reason: "Too big", lines: [{ orderLineId: lampLine, quantity: 1 }] });
  const { ctx } = adminContext(t.db);
  if (status !== "requested") await approveReturn(ctx, { returnId });
  if (status === "received") await receiveReturn(ctx, { returnId });
  const [line] = await t.db.select().from(returnLines).where(eq(returnLines.returnId, returnId));
  return { returnId, restock: [{ shipmentId: line!.shipmentId, orderLineId: lampLine, restock: true }] };
}

beforeAll(async () => {
  setSigningEnv();
  process.env.DATABASE_URL = t.url;
  shop = await seedShop(t.db);
  admin = { type: "admin", userId: await insertUser(t.db, "admin") };
  shopperId = await insertShopper(t.db);
  const system: ServiceContext = { db: t.db, actor: { type: "system", name: "test" }, mail: createMailboxSender(t.db) };
  const [queued] = await queueNotifications(system, { kind: "order-confirmation", subjectId: "order-1", recipients: ["reader@shop.test"] });
  await sendNotification(system, { notificationId: queued!.id, content: { subject: "Thanks", html: "<p>Thanks</p>", text: "Thanks" } });
  const stocked = await insertStockedVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 50 }, { warehouseId: shop.west, onHand: 50 }] });
  const { variantId } = await insertVariant(t.db);
  const paid = () => insertOrder(t.db, { variantId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
  let n = 0;
  const image = async (productId: number) =>
    (await t.db.insert(productImages).values({ productId, url: `https://images.test/${++n}.jpg` }).returning({ id: productImages.id }))[0]!.id;
  const product = async () => {
    const slug = `audit-shirt-${++n}`;
    const { id } = (await adminCall("adminProducts.create", shirtInput(shop.categoryId, slug))) as { id: number };
    return { id, slug };
  };
  probes = {
    "adminProducts.create": async () => shirtInput(shop.categoryId, `audit-new-${++n}`),
    "adminProducts.update": async () => {
      const { id, slug } = await product();
      return { id, ...shirtInput(shop.categoryId, slug), title: "Renamed shirt" };
    },
    "adminProducts.archive": async () => ({ id: (await product()).id }),
    "adminProducts.setStatus": async () => ({ ids: [(await product()).id], status: "draft" }),
    "adminProducts.setImageAlt": async () => ({ id: await image((await product()).id), alt: "Front" }),
    "adminProducts.reorderImages": async () => {
      const { id } = await product();
      const second = await image(id);
      const ids = (await t.db.select({ id: productImages.id }).from(productImages).where(eq(productImages.productId, id)).orderBy(asc(productImages.position))).map((r) => r.id);
      return { productId: id, ids: [second, ...ids.filter((i) => i !== second)] };
    },
    "adminProducts.removeImage": async () => ({ id: await image((await product()).id) }),
    "adminProducts.setVariantImage": async () => {
      const { id } = await product();
      const [variant] = await t.db.select({ id: variants.id }).from(variants).where(eq(variants.productId, id));
      return { variantId: variant!.id, imageId: await image(id) };
    },
    "adminCategories.create": async () => ({ name: "New", slug: `audit-category-${++n}`, parentId: null }),
    "adminCategories.rename": async () => ({ id: shop.categoryId, name: `Renamed ${++n}` }),
    "adminCategories.move": async () => {
      const [parent] = await t.db.insert(categories).values({ slug: `audit-parent-${++n}`, name: "Parent" }).returning({ id: categories.id });
      return { id: shop.categoryId, parentId: parent!.id };
    },
    "adminCategories.reorder": async () => {
      const [parent] = await t.db.select({ parentId: categories.parentId }).from(categories).where(eq(categories.id, shop.categoryId));
      const siblings = await t.db.select({ id: categories.id }).from(categories).where(parent!.parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parent!.parentId));
      return { parentId: parent!.parentId, ids: siblings.map((c) => c.id).reverse() };
    },
    "adminCustomers.addNote": async () => ({ userId: shopperId, body: "Prefers email" }),
    "adminCustomers.sendPasswordReset": async () => ({ userId: await insertShopper(t.db) }),
    "adminCustomers.anonymise": async () => ({ userId: await insertShopper(t.db) }),
    "adminSearch.reindex": async () => undefined,
    "adminOrders.cancel": async () => ({ orderId: (await insertOrder(t.db, { variantId, payment: "awaiting" })).id }),
    "adminOrders.refund": async () => ({ orderId: (await paid()).id, refundId: randomUUID(), amount: 1, notifyCustomer: false }),
    "adminOrders.addNote": async () => ({ orderId: (await paid()).id, body: "Called the customer" }),
    "notifications.liftSuppression": async () => {
      const address = `bounced-${++n}@shop.test`;
      await suppressAddress(system, { address, reason: "bounced" });
      return { address };
    },
    "notifications.resend": async () => ({ notificationId: queued!.id }),
    "adminFulfilment.buyLabel": async () => ({ shipmentId: (await pendingShipment()).shipmentId }),
    "adminFulfilment.voidLabel": async () => {
      const { shipmentId } = await pendingShipment();
      await buyShipmentLabel(fulfilmentContext(t.db, carrier), { shipmentId });
      return { shipmentId };
    },
    "adminFulfilment.split": async () => {
      const { shipmentId, orderLineId } = await pendingShipment();
      return { shipmentId, lines: [{ orderLineId, quantity: 1 }] };
    },
    "adminFulfilment.markShipped": async () => ({ shipmentId: (await pendingShipment()).shipmentId, carrier: "DHL", trackingCode: `JD0146${String(++n).padStart(8, "0")}` }),
    "adminFulfilment.setSettings": async () => ({ autoBuyLabels: true }),
    "inventory.adjust": async () => ({ variantId: stocked, warehouseId: shop.east, delta: 1, reason: "received" }),
    "inventory.setOnHand": async () => ({ variantId: stocked, warehouseId: shop.east, onHand: 40, reason: "count correction" }),
    "inventory.transfer": async () => ({ variantId: stocked, fromWarehouseId: shop.east, toWarehouseId: shop.west, quantity: 1 }),
    "inventory.setThreshold": async () => ({ variantId: stocked, threshold: 3 }),
    "inventory.setDefaultThreshold": async () => ({ threshold: 5 }),
    "inventory.createWarehouse": async () => ({ code: `north-${++n}`, name: "North" }),
    "inventory.updateWarehouse": async () => ({ id: shop.west, name: "West side", active: true }),
    "inventory.importCsv": async () => ({ csv: "sku,warehouse,on_hand\n", dryRun: true }),
    "adminReturns.approve": async () => ({ returnId: (await returnIn("requested")).returnId }),
    "adminReturns.receive": async () => ({ returnId: (await returnIn("approved")).returnId }),
    "adminReturns.reject": async () => ({ returnId: (await returnIn("requested")).returnId, reason: "Worn, and past the tags" }),
    "adminReturns.refund": async () => returnIn("received"),
  };
});

const rowsFor = (action: string) =>
  t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actorId, admin.userId))).orderBy(asc(auditLog.id));

describe("audit log coverage", () => {
  it("has a probe for every admin mutation in appRouter (a new one without a probe is named here)", () => {
    const missing = adminMutations.filter((path) => !probes[path]);
    const stale = Object.keys(probes).filter((path) => !adminMutations.includes(path));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it.each(adminMutations)("%s writes an audit row naming the admin, the action and a target", async (path) => {
    const probe = probes[path];
    if (!probe) throw new Error(`${path} is an admin mutation without an audit probe: add one to server/audit/audit-coverage.test.ts`);
    const before = (await rowsFor(path)).length;
    await adminCall(path, await probe());
    const rows = (await rowsFor(path)).slice(before);
    expect(rows.length, `${path} wrote no audit row`).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ actorRole: "admin", targetType: expect.any(String) });
    if (CALLS_OUT.has(path)) expect(rows.map((r) => (r.after as { phase: string }).phase)).toEqual(["requested", "outcome"]);
    else expect(rows).toHaveLength(1);
  });
});
