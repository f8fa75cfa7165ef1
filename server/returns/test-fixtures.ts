import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, payments, shipmentEvents, shipments } from "@/db/schema";
import { systemContext, type Actor, type ServiceContext } from "../context";
import { createSimulatorProvider } from "../payments/simulator-provider";
import { createShipmentsForOrder } from "../shipping/create-shipments-for-order";
import { createDiskFileStorage } from "../storage/disk-file-storage";
import { countingSimulator, paidOrder, weighedVariant, type Shop } from "../shipping/test-fixtures";

/**
 * A paid order of 2 × lamp (from the east warehouse) and 1 × vase (from the west) at 10.00 each, its payment taken
 * through the payment simulator, both shipments delivered `deliveredDaysAgo` days ago by the carrier's clock.
 */
export async function deliveredOrder(db: Db, shop: Shop, options: { userId?: string | null; deliveredDaysAgo?: number } = {}) {
  const lamp = await weighedVariant(db, shop, { east: 5, west: 0 }, 400);
  const vase = await weighedVariant(db, shop, { east: 0, west: 5 }, 900);
  const orderId = await paidOrder(db, [
    { variantId: lamp, quantity: 2 },
    { variantId: vase, quantity: 1 },
  ]);
  await db.update(orders).set({ userId: options.userId ?? null }).where(eq(orders.id, orderId));
  await db.insert(payments).values({ orderId, provider: "simulator", providerPaymentId: `pi_sim_${orderId}`, amount: 3000, currency: "USD", status: "succeeded" });
  const shipmentIds = await createShipmentsForOrder(systemContext(db, "test"), { orderId });
  const deliveredAt = new Date(Date.now() - (options.deliveredDaysAgo ?? 2) * 86_400_000);
  for (const id of shipmentIds) {
    await db
      .update(shipments)
      .set({ status: "label_purchased", carrier: "SimPost", service: "Ground", trackingCode: `SIM-${id}`, trackingUrl: "https://shop.test/t", labelKey: `shipments/${id}/label.pdf`, labelPurchasedAt: sql`now()` })
      .where(eq(shipments.id, id));
    await db.update(shipments).set({ status: "delivered" }).where(eq(shipments.id, id));
    await db.insert(shipmentEvents).values({ shipmentId: id, status: "delivered", carrierStatus: "delivered", occurredAt: deliveredAt });
  }
  const lines = await db.execute<{ id: number; variantId: number }>(sql`select id, variant_id as "variantId" from order_lines where order_id = ${orderId} order by id`);
  return { orderId, lamp, vase, lampLine: lines.find((l) => l.variantId === lamp)!.id, vaseLine: lines.find((l) => l.variantId === vase)!.id };
}

/** Where this test file's return labels are stored (a temporary folder, not the project's .data). */
export const labelStorage = createDiskFileStorage(mkdtempSync(path.join(tmpdir(), "emporium-returns-")));

/** An admin's context on the carrier simulator (counting its purchases) and the payment simulator. */
export function adminContext(db: Db, userId = "admin-1") {
  const carrier = countingSimulator();
  const ctx: ServiceContext = { db, actor: { type: "admin", userId }, carrier, payments: createSimulatorProvider(), storage: labelStorage };
  return { ctx, carrier };
}

export const shopperContext = (db: Db, userId: string): ServiceContext => ({ db, actor: { type: "shopper", userId } satisfies Actor, storage: labelStorage });
