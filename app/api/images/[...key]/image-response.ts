import type { FileStorage } from "@/server/storage/file-storage";
import { sniffImageType } from "@/server/catalog/sniff-image-type";

// Keys are products/<id>/<uuid>.<ext>, written once and never changed, so a browser or CDN may keep them for a year.
const KEY = /^products\/\d{1,10}\/[0-9a-f-]{36}\.(jpg|png|gif|webp|avif)$/;

/** GET /api/images/<key>: an uploaded product image from the file storage, for anyone, with long-lived cache headers. */
export async function imageResponse(storage: FileStorage, segments: string[]): Promise<Response> {
  const key = segments.join("/");
  if (!KEY.test(key)) return new Response("not found", { status: 404 });
  const file = await storage.get(key);
  // Only bytes that are an image go out as one, whatever the storage claims.
  const type = file && sniffImageType(file.bytes);
  if (!file || !type) return new Response("not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "content-type": type.contentType,
      "content-length": String(file.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
}
