import { currentActor } from "@/server/auth/session";
import { appDb } from "@/server/db";
import { withRequestLog } from "../../../../with-request-log";
import { uploadResponse } from "./upload-response";

export const dynamic = "force-dynamic";

/** POST /api/admin/products/<id>/images: an admin uploads an image (uploadResponse). */
export const POST = withRequestLog(async (request: Request, { params }: { params: Promise<{ productId: string }> }) =>
  uploadResponse({ db: appDb(), actor: await currentActor() }, request, await params),
);
