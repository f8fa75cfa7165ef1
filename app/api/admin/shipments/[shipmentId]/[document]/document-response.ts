import type { ServiceContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { ShipmentDocumentInput } from "@/server/shipping/schemas";
import { getShipmentDocument, type DocumentFile } from "@/server/shipping/get-shipment-document";

/**
 * A shipment's label or packing slip as a PDF download, for admins: anyone else (a guest, a shopper, even the buyer)
 * gets 403 before anything is looked up; an unknown shipment, a malformed id or a label not bought yet is 404.
 */
export async function documentResponse(ctx: ServiceContext, params: { shipmentId: string; document: string }): Promise<Response> {
  if (ctx.actor.type !== "admin") return Response.json({ error: "admins only" }, { status: 403 });
  const input = ShipmentDocumentInput.safeParse(params);
  if (!input.success) return Response.json({ error: "not found" }, { status: 404 });
  try {
    return fileResponse(await getShipmentDocument(ctx, input.data));
  } catch (error) {
    if (error instanceof DomainError && error.kind === "NotFound") return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

/** A stored document as an inline download that no cache keeps (it is one person's). */
export function fileResponse(file: DocumentFile): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `inline; filename="${file.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
