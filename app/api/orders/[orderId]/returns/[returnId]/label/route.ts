import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { withRequestLog } from "../../../../../with-request-log";
import { returnLabelResponse } from "./return-label-response";

// Per-shopper, per-request: never prerendered or cached.
export const dynamic = "force-dynamic";

/** /api/orders/<order>/returns/<return>/label[?token=…]: the return label PDF (returnLabelResponse). */
export const GET = withRequestLog(async (request: Request, { params }: { params: Promise<{ orderId: string; returnId: string }> }) =>
  returnLabelResponse({ db: appDb(), actor: await currentActor() }, { ...(await params), token: new URL(request.url).searchParams.get("token") }),
);
