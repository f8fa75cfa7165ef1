import type { ServiceContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { getReturnLabel } from "@/server/returns/get-return-label";
import { ReturnLabelInput } from "@/server/returns/schemas";
import { fileResponse } from "@/app/api/admin/shipments/[shipmentId]/[document]/document-response";

/**
 * A return's label PDF for its shopper, a guest with the order's signed link (`?token=`) or an admin. Everyone else,
 * a malformed id and a label not issued yet get the same 404.
 */
export async function returnLabelResponse(ctx: ServiceContext, params: { orderId: string; returnId: string; token: string | null }): Promise<Response> {
  const input = ReturnLabelInput.safeParse({ orderId: params.orderId, returnId: params.returnId, accessToken: params.token ?? undefined });
  if (!input.success) return Response.json({ error: "not found" }, { status: 404 });
  try {
    return fileResponse(await getReturnLabel(ctx, input.data));
  } catch (error) {
    if (error instanceof DomainError && error.kind === "NotFound") return Response.json({ error: "not found" }, { status: 404 });
    throw error;
  }
}
