import { productSvg } from "@/app/img/p/[file]/product-svg";
import { sniffImageType } from "@/server/catalog/sniff-image-type";
import type { FileStorage } from "@/server/storage/file-storage";

const GENERATED = /^\/img\/p\/([^/?#]+)$/;
// The upload route's keys (products/<id>/<uuid>.<ext>), only those the card can draw.
const UPLOADED = /^\/api\/images\/(products\/\d{1,10}\/[0-9a-f-]{36}\.(?:jpg|png))$/;
/** What the Open Graph renderer (satori) can draw besides SVG. */
const RASTER = new Set(["image/png", "image/jpeg"]);

const dataUri = (contentType: string, bytes: Uint8Array | string) => `data:${contentType};base64,${Buffer.from(bytes).toString("base64")}`;

/**
 * A product image as a data URI the Open Graph card can draw: the generated art (drawn here, no request) or an uploaded
 * PNG or JPEG read from storage. Anything else (an image on another host, WebP, AVIF) gives null: the card goes without
 * it rather than fetching arbitrary URLs on the server.
 */
export async function ogPicture(url: string, storage: () => FileStorage): Promise<string | null> {
  const generated = GENERATED.exec(url)?.[1];
  if (generated) {
    const svg = productSvg(generated);
    return svg === null ? null : dataUri("image/svg+xml", svg);
  }
  const key = UPLOADED.exec(url)?.[1];
  if (!key) return null;
  const file = await storage().get(key);
  const type = file && sniffImageType(file.bytes);
  return file && type && RASTER.has(type.contentType) ? dataUri(type.contentType, file.bytes) : null;
}
