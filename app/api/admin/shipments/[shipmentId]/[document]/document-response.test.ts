import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { useTestDatabase } from "@/test/db";
import { seedShop } from "@/server/checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "@/server/context";
import { buyShipmentLabel } from "@/server/shipping/buy-shipment-label";
import { createShipmentsForOrder } from "@/server/shipping/create-shipments-for-order";
import { fulfilmentContext, paidOrder, weighedVariant } from "@/server/shipping/test-fixtures";
import { documentResponse } from "./document-response";

const t = useTestDatabase();
let ctx: ServiceContext;
let bought: string;
let pending: string;
const as = (actor: Actor): ServiceContext => ({ ...ctx, actor });
const admin = as.bind(null, { type: "admin", userId: "00000000-0000-4000-8000-000000000001" });

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  process.env.NEXTAUTH_SECRET ??= "x".repeat(40);
  const shop = await seedShop(t.db);
  ctx = fulfilmentContext(t.db);
  const variantId = await weighedVariant(t.db, shop, { east: 2, west: 0 });
  [bought] = await createShipmentsForOrder(ctx, { orderId: await paidOrder(t.db, [{ variantId, quantity: 1 }]) }) as [string];
  [pending] = await createShipmentsForOrder(ctx, { orderId: await paidOrder(t.db, [{ variantId, quantity: 1 }]) }) as [string];
  await buyShipmentLabel(ctx, { shipmentId: bought });
});

describe("shipment documents download", () => {
  it.each(["label", "packing-slip"])("%s: 403 for a guest and a shopper, a PDF for an admin", async (document) => {
    expect((await documentResponse(as({ type: "anonymous" }), { shipmentId: bought, document })).status).toBe(403);
    expect((await documentResponse(as({ type: "shopper", userId: "00000000-0000-4000-8000-000000000002" }), { shipmentId: bought, document })).status).toBe(403);
    const answer = await documentResponse(admin(), { shipmentId: bought, document });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.headers.get("cache-control")).toContain("no-store");
    const pdf = await PDFDocument.load(new Uint8Array(await answer.arrayBuffer()));
    expect(pdf.getPageCount()).toBeGreaterThan(0);
  });

  it("404 for a label not bought yet, an unknown shipment, a malformed id and an unknown document", async () => {
    expect((await documentResponse(admin(), { shipmentId: pending, document: "label" })).status).toBe(404);
    expect((await documentResponse(admin(), { shipmentId: pending, document: "packing-slip" })).status).toBe(200);
    expect((await documentResponse(admin(), { shipmentId: "00000000-0000-4000-8000-00000000abcd", document: "label" })).status).toBe(404);
    expect((await documentResponse(admin(), { shipmentId: "../../etc/passwd", document: "label" })).status).toBe(404);
    expect((await documentResponse(admin(), { shipmentId: bought, document: "invoice" })).status).toBe(404);
  });
});
