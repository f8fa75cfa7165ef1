import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { withRequestLog } from "../../../../with-request-log";
import { documentResponse } from "./document-response";

// Per-admin, per-request: never prerendered or cached.
export const dynamic = "force-dynamic";

/** /api/admin/shipments/<id>/label or /packing-slip: the PDF, for admins only (documentResponse). */
export const GET = withRequestLog(async (_request: Request, { params }: { params: Promise<{ shipmentId: string; document: string }> }) =>
  documentResponse({ db: appDb(), actor: await currentActor() }, await params),
);
