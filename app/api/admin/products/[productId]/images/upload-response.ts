import type { ServiceContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { INT4_MAX } from "@/server/limits";
import { sniffImageType } from "@/server/catalog/sniff-image-type";
import { MAX_IMAGE_BYTES, uploadProductImage } from "@/server/catalog/upload-product-image";
import { readBytesWithin } from "../../../../webhooks/read-body-within";

const STATUS: Partial<Record<DomainError["kind"], number>> = { NotFound: 404, Invalid: 400, Forbidden: 403, Unauthenticated: 401 };

/**
 * An admin uploads one image as the request body (the file's bytes, any content type claimed): 401/403 for anyone else
 * before the body is read, 413 past MAX_IMAGE_BYTES (read no further), 415 when the bytes are no image we accept,
 * 404 for an unknown product, else 201 with the new image. `?alt=` may give its alt text.
 */
export async function uploadResponse(ctx: ServiceContext, request: Request, params: { productId: string }): Promise<Response> {
  if (ctx.actor.type === "anonymous") return Response.json({ error: "sign in first" }, { status: 401 });
  if (ctx.actor.type !== "admin") return Response.json({ error: "admins only" }, { status: 403 });
  const productId = Number(params.productId);
  if (!/^\d+$/.test(params.productId) || productId < 1 || productId > INT4_MAX) return Response.json({ error: "product not found" }, { status: 404 });
  const alt = new URL(request.url).searchParams.get("alt") ?? "";
  if (alt.length > 300) return Response.json({ error: "Alt text must be at most 300 characters" }, { status: 400 });

  const bytes = await readBytesWithin(request, MAX_IMAGE_BYTES);
  if (bytes === null) return Response.json({ error: `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB` }, { status: 413 });
  if (!sniffImageType(bytes)) return Response.json({ error: "Upload a JPEG, PNG, GIF, WebP or AVIF image" }, { status: 415 });
  // Audited like the admin mutations (the tRPC middleware does not see route handlers).
  const audit = { action: "adminProducts.uploadImage", actorId: ctx.actor.userId, actorRole: ctx.actor.role ?? "admin", written: 0 } as const;
  try {
    return Response.json(await uploadProductImage({ ...ctx, audit: { ...audit } }, { productId, bytes, alt }), { status: 201 });
  } catch (error) {
    const status = error instanceof DomainError ? STATUS[error.kind] : undefined;
    if (status) return Response.json({ error: (error as DomainError).message }, { status });
    throw error;
  }
}
