import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shipmentLines, shipments } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { selectOrder } from "../orders/order-queries";
import { createShipmentsForOrder, PACKAGING_GRAMS } from "./create-shipments-for-order";
import { markShipmentShipped } from "./mark-shipment-shipped";
import { splitShipment } from "./split-shipment";
import { fulfilmentContext, paidOrder, shippedQuantities, weighedVariant, type Shop } from "./test-fixtures";

const t = useTestDatabase({ max: 20 });
let shop: Shop;
let admin: ServiceContext;

beforeAll(async () => {
  // A parcel marked shipped is tracked on the order page of the shop's URL: the environment must validate, as in the app.
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  shop = await seedShop(t.db);
  admin = { ...fulfilmentContext(t.db), actor: { type: "admin", userId: "00000000-0000-4000-8000-000000000001" } };
});

/** A paid order of 3 lamps (800 g) and 1 mug (300 g), all from the east warehouse: one shipment. */
async function lampsAndMug() {
  const lamp = await weighedVariant(t.db, shop, { east: 3, west: 0 }, 800);
  const mug = await weighedVariant(t.db, shop, { east: 1, west: 0 }, 300);
  const orderId = await paidOrder(t.db, [
    { variantId: lamp, quantity: 3 },
    { variantId: mug, quantity: 1 },
  ]);
  const [shipmentId] = await createShipmentsForOrder(admin, { orderId });
  const lines = await t.db.select().from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId!)).orderBy(asc(shipmentLines.orderLineId));
  return { orderId, shipmentId: shipmentId!, lampLine: lines[0]!.orderLineId, mugLine: lines[1]!.orderLineId };
}

const fulfilment = async (orderId: string) => (await selectOrder(t.db, orderId))!.order.fulfilmentStatus;
const contents = async (shipmentId: string) =>
  (await t.db.select({ line: shipmentLines.orderLineId, quantity: shipmentLines.quantity }).from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId)).orderBy(asc(shipmentLines.orderLineId)));
const variantOf = async (orderLineId: number) => (await t.db.select({ v: shipmentLines.variantId }).from(shipmentLines).where(eq(shipmentLines.orderLineId, orderLineId)))[0]!.v;
const weightOf = async (id: string) => (await t.db.select({ w: shipments.weightGrams }).from(shipments).where(eq(shipments.id, id)))[0]!.w;

describe("partial fulfilment", () => {
  it("ships one lamp now: the rest stays unfulfilled, the lines still sum to the order, and the order's fulfilment status follows its parcels", async () => {
    const { orderId, shipmentId, lampLine, mugLine } = await lampsAndMug();
    expect(await fulfilment(orderId)).toBe("unfulfilled");

    const now = await splitShipment(admin, { shipmentId, lines: [{ orderLineId: lampLine, quantity: 1 }] });

    expect(await contents(now.shipmentId)).toEqual([{ line: lampLine, quantity: 1 }]);
    expect(await contents(shipmentId)).toEqual([
      { line: lampLine, quantity: 2 },
      { line: mugLine, quantity: 1 },
    ]);
    expect(await weightOf(now.shipmentId)).toBe(800 + PACKAGING_GRAMS);
    expect(await weightOf(shipmentId)).toBe(2 * 800 + 300 + PACKAGING_GRAMS);
    for (const line of await shippedQuantities(t.db, orderId)) expect(line.shipped).toBe(line.ordered);

    await markShipmentShipped(admin, { shipmentId: now.shipmentId, carrier: "Royal Mail", trackingCode: "RM123456785GB" });
    expect(await fulfilment(orderId)).toBe("partially_shipped");
    const [rest] = await t.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, shipmentId));
    expect(rest!.status).toBe("pending");

    await markShipmentShipped(admin, { shipmentId, carrier: "Royal Mail", trackingCode: "RM123456799GB" });
    expect(await fulfilment(orderId)).toBe("shipped");
    await t.db.update(shipments).set({ status: "delivered" }).where(eq(shipments.id, now.shipmentId));
    expect(await fulfilment(orderId)).toBe("shipped");
    await t.db.update(shipments).set({ status: "delivered" }).where(eq(shipments.id, shipmentId));
    expect(await fulfilment(orderId)).toBe("delivered");
  });

  it("eight admins splitting one lamp each at once: three get one, the rest are refused, nothing is over-shipped", async () => {
    const { orderId, shipmentId, lampLine } = await lampsAndMug();

    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => splitShipment(admin, { shipmentId, lines: [{ orderLineId: lampLine, quantity: 1 }] })));

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toMatchObject({ kind: "Invalid" });
    for (const line of await shippedQuantities(t.db, orderId)) expect(line.shipped).toBe(line.ordered);
    expect(await contents(shipmentId)).toHaveLength(1); // the mug is left
  });

  it("refuses a split of the whole shipment, of more than it holds, of a shipment that left, and from a shopper", async () => {
    const { shipmentId, lampLine, mugLine } = await lampsAndMug();
    await expect(
      splitShipment(admin, {
        shipmentId,
        lines: [
          { orderLineId: lampLine, quantity: 3 },
          { orderLineId: mugLine, quantity: 1 },
        ],
      }),
    ).rejects.toMatchObject({ kind: "Invalid" });
    await expect(splitShipment(admin, { shipmentId, lines: [{ orderLineId: lampLine, quantity: 4 }] })).rejects.toMatchObject({ kind: "Invalid" });
    await expect(splitShipment({ ...admin, actor: { type: "shopper", userId: "x" } }, { shipmentId, lines: [{ orderLineId: lampLine, quantity: 1 }] })).rejects.toMatchObject({ kind: "Forbidden" });
    expect(await contents(shipmentId)).toEqual([
      { line: lampLine, quantity: 3 },
      { line: mugLine, quantity: 1 },
    ]);
    await markShipmentShipped(admin, { shipmentId, carrier: "DHL", trackingCode: "JD0146000012345678" });
    await expect(splitShipment(admin, { shipmentId, lines: [{ orderLineId: lampLine, quantity: 1 }] })).rejects.toMatchObject({ kind: "Conflict" });
  });
});

describe("the database keeps shipments within the order", () => {
  const constraintOf = (error: unknown) => (error as { cause?: { constraint_name?: string } }).cause?.constraint_name ?? (error as { constraint_name?: string }).constraint_name;

  it("refuses a share beyond the order line, and any change to the lines of a shipment that left", async () => {
    const { orderId, shipmentId, lampLine } = await lampsAndMug();
    const [extra] = await t.db.insert(shipments).values({ orderId, warehouseId: shop.east, parentId: shipmentId, weightGrams: 900 }).returning({ id: shipments.id });
    const variantId = await variantOf(lampLine);
    const overShip = await t.db.insert(shipmentLines).values({ shipmentId: extra!.id, orderLineId: lampLine, variantId, quantity: 1 }).catch((e: unknown) => e);
    expect(constraintOf(overShip)).toBe("shipment_lines_within_order");

    await markShipmentShipped(admin, { shipmentId, carrier: "DHL", trackingCode: "JD0146000099999999" });
    const change = await t.db.update(shipmentLines).set({ quantity: 1 }).where(eq(shipmentLines.shipmentId, shipmentId)).catch((e: unknown) => e);
    expect(constraintOf(change)).toBe("shipment_lines_pending_only");
  });

  it("racing writers of new shares: once a shipment is cancelled, eight one-lamp shares at once, three fit", async () => {
    const { orderId, shipmentId, lampLine } = await lampsAndMug();
    const variantId = await variantOf(lampLine);
    await t.db.update(shipments).set({ status: "cancelled" }).where(eq(shipments.id, shipmentId));

    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        t.db.transaction(async (tx) => {
          const [made] = await tx.insert(shipments).values({ orderId, warehouseId: shop.east, parentId: shipmentId, weightGrams: 900 }).returning({ id: shipments.id });
          await tx.insert(shipmentLines).values({ shipmentId: made!.id, orderLineId: lampLine, variantId, quantity: 1 });
        }),
      ),
    );

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const [row] = await t.db.execute<{ n: number }>(sql`
      select coalesce(sum(sl.quantity), 0)::int as n from shipment_lines sl join shipments s on s.id = sl.shipment_id
       where sl.order_line_id = ${lampLine} and s.status <> 'cancelled'`);
    expect(row!.n).toBe(3);
  });
});
