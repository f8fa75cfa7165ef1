import { assertFileKey } from "@/server/storage/file-storage";

export type ShipmentDocument = "label" | "packing-slip";

/** Where a shipment's document is stored: shipments/<shipment id>/<kind>.pdf. */
export function documentKey(kind: ShipmentDocument, shipmentId: string): string {
  const key = `shipments/${shipmentId}/${kind}.pdf`;
  assertFileKey(key);
  if (shipmentId.includes("/")) throw new Error(`invalid shipment id ${JSON.stringify(shipmentId)}`);
  return key;
}
