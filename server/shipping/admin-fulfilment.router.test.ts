import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shipmentLines } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { clientError } from "../catalog/admin-test-fixtures";
import { seedShop } from "../checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "../context";
import { insertUser } from "../orders/test-fixtures";
import { appRouter, createCaller } from "../trpc/root";
import { buyShipmentLabel } from "./buy-shipment-label";
import { createShipmentsForOrder } from "./create-shipments-for-order";
import { listFulfilmentQueue } from "./list-fulfilment-queue";
import { markShipmentShipped } from "./mark-shipment-shipped";
import { setShippingSettings } from "./set-shipping-settings";
import { splitShipment } from "./split-shipment";
import { countingSimulator, fulfilmentContext, paidOrder, weighedVariant, type Shop } from "./test-fixtures";
import { voidShipmentLabel } from "./void-shipment-label";

const t = useTestDatabase({ max: 10 });
const carrier = countingSimulator();
let shop: Shop;
let shopper: Actor;
let admin: Actor;
let validInputs: Record<string, () => Promise<unknown>>;
let codes = 0;

/** A pending shipment of the shopper's own paid order, with two units so one can be split off. */
async function pendingShipment(): Promise<{ shipmentId: string; orderLineId: number }> {
  const variantId = await weighedVariant(t.db, shop, { east: 2, west: 0 });
  const orderId = await paidOrder(t.db, [{ variantId, quantity: 2 }]);
  const [shipmentId] = await createShipmentsForOrder(fulfilmentContext(t.db, carrier), { orderId });
  const [line] = await t.db.select({ orderLineId: shipmentLines.orderLineId }).from(shipmentLines).where(eq(shipmentLines.shipmentId, shipmentId!));
  return { shipmentId: shipmentId!, orderLineId: line!.orderLineId };
}

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  shop = await seedShop(t.db);
  const [shopperId, adminId] = await Promise.all([insertUser(t.db), insertUser(t.db, "admin")]);
  shopper = { type: "shopper", userId: shopperId };
  admin = { type: "admin", userId: adminId };
  validInputs = {
    queue: async () => ({}),
    buyLabel: async () => ({ shipmentId: (await pendingShipment()).shipmentId }),
    voidLabel: async () => {
      const { shipmentId } = await pendingShipment();
      await buyShipmentLabel(fulfilmentContext(t.db, carrier), { shipmentId });
      return { shipmentId };
    },
    split: async () => {
      const { shipmentId, orderLineId } = await pendingShipment();
      return { shipmentId, lines: [{ orderLineId, quantity: 1 }] };
    },
    markShipped: async () => ({ shipmentId: (await pendingShipment()).shipmentId, carrier: "DHL", trackingCode: `JD01460000${String((codes += 1)).padStart(4, "0")}` }),
    settings: async () => undefined,
    setSettings: async () => ({ autoBuyLabels: true }),
  };
});

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("adminFulfilment."))
  .map((path) => path.slice("adminFulfilment.".length));

async function call(actor: Actor, name: string) {
  const procedures = createCaller({ db: t.db, actor, carrier }).adminFulfilment as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const input = validInputs[name];
  if (!input) throw new Error(`give adminFulfilment.${name} a valid input in this test`);
  return procedures[name]!(await input());
}

describe("adminFulfilment authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call({ type: "anonymous" }, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const { shipmentId, orderLineId } = await pendingShipment();
    for (const actor of [shopper, { type: "anonymous" } as const]) {
      const ctx: ServiceContext = { db: t.db, actor, carrier };
      const kind = actor.type === "anonymous" ? "Unauthenticated" : "Forbidden";
      await expect(listFulfilmentQueue(ctx, { page: 1, pageSize: 10 })).rejects.toMatchObject({ kind });
      await expect(splitShipment(ctx, { shipmentId, lines: [{ orderLineId, quantity: 1 }] })).rejects.toMatchObject({ kind });
      await expect(markShipmentShipped(ctx, { shipmentId, carrier: "DHL", trackingCode: "JD0146000099" })).rejects.toMatchObject({ kind });
      await expect(voidShipmentLabel(ctx, { shipmentId })).rejects.toMatchObject({ kind });
      await expect(setShippingSettings(ctx, { autoBuyLabels: false })).rejects.toMatchObject({ kind });
      await expect(buyShipmentLabel(ctx, { shipmentId })).rejects.toMatchObject({ kind: "Forbidden" });
    }
  });

  it("bad input is BAD_REQUEST with the zod issue", async () => {
    const { shipmentId } = await pendingShipment();
    const error = await clientError(createCaller({ db: t.db, actor: admin, carrier }).adminFulfilment.markShipped({ shipmentId, carrier: "DHL", trackingCode: "no spaces allowed" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
