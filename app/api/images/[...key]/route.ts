import { fileStorage } from "@/server/storage/storage-for";
import { withRequestLog } from "../../with-request-log";
import { imageResponse } from "./image-response";

export const dynamic = "force-dynamic";

/** An uploaded product image (imageResponse). */
export const GET = withRequestLog(async (_request: Request, { params }: { params: Promise<{ key: string[] }> }) =>
  imageResponse(fileStorage(), (await params).key),
);
