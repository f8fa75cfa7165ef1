import { eq } from "drizzle-orm";
import { orders, shipments } from "@/db/schema";
import { requireAdmin, type ServiceContext } from "../context";
import { notFound } from "../errors";
import { fileStorage } from "../storage/storage-for";
import type { ShipmentDocument } from "./documents/document-key";
import { selectOrderShipments } from "./shipment-queries";

export interface DocumentFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/**
 * A shipment's document, for admins only: its label as stored when it was bought (NotFound before that, or for a
 * parcel sent with another carrier's label), or its packing slip, drawn from the shipment's lines as they are now.
 */
export async function getShipmentDocument(ctx: ServiceContext, input: { shipmentId: string; document: ShipmentDocument }): Promise<DocumentFile> {
  requireAdmin(ctx);
  const [row] = await ctx.db
    .select({ orderId: shipments.orderId, labelKey: shipments.labelKey, number: orders.number, placedAt: orders.placedAt, shipTo: orders.shippingAddress })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(shipments.id, input.shipmentId));
  if (!row) throw notFound("Shipment");
  const ref = input.shipmentId.slice(0, 8).toUpperCase();
  if (input.document === "label") {
    const file = row.labelKey ? await (ctx.storage ?? fileStorage()).get(row.labelKey) : null;
    if (!file) throw notFound("Label");
    return { bytes: file.bytes, contentType: file.contentType, filename: `label-${row.number}-${ref}.pdf` };
  }
  const shipment = (await selectOrderShipments(ctx.db, row.orderId)).find((s) => s.id === input.shipmentId)!;
  // pdf-lib loads with the first document asked for, not with the server.
  const { renderPackingSlip } = await import("./documents/render-packing-slip");
  const bytes = await renderPackingSlip({
    orderNumber: row.number,
    shipmentRef: ref,
    placedAt: row.placedAt,
    shipTo: row.shipTo,
    lines: shipment.lines.map((l) => ({ sku: l.sku, title: l.productTitle, variant: l.variantTitle, quantity: l.quantity })),
  });
  return { bytes, contentType: "application/pdf", filename: `packing-slip-${row.number}-${ref}.pdf` };
}
