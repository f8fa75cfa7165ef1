"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { AdminProduct } from "@/server/catalog/get-admin-product";
import { inputClass } from "../../_components/field";
import { useRefreshingAction } from "../../_lib/use-refreshing-action";
import { ImageRow } from "./image-row";

/** The edit page's images: upload from the computer, alt text, order, removal, and which image each variant shows. */
export function ProductImages({ product }: { product: Pick<AdminProduct, "id" | "images" | "variants"> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reorder = useMutation(trpc.adminProducts.reorderImages.mutationOptions());
  const variantImage = useMutation(trpc.adminProducts.setVariantImage.mutationOptions());
  const [uploading, setUploading] = useState(false);
  const { error, setError, run } = useRefreshingAction();
  const ids = product.images.map((i) => i.id);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    setUploading(true);
    setError("");
    for (const file of files) {
      const answer = await fetch(`/api/admin/products/${product.id}/images`, { method: "POST", body: file });
      if (!answer.ok) {
        const { error: message } = (await answer.json().catch(() => ({}))) as { error?: string };
        setError(`${file.name}: ${message ?? `upload failed (${answer.status})`}`);
        break;
      }
    }
    setUploading(false);
    router.refresh();
  }

  function shift(index: number, by: -1 | 1) {
    const next = [...ids];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    return run(() => reorder.mutateAsync({ productId: product.id, ids: next }));
  }

  return (
    <section aria-labelledby="images-heading" className="flex max-w-5xl flex-col gap-4 border-t border-stone-200 pt-6">
      <h2 id="images-heading" className="text-lg font-semibold">
        Images
      </h2>
      <label className="flex w-fit cursor-pointer flex-col gap-1 text-sm font-medium">
        Upload images (JPEG, PNG, GIF, WebP or AVIF, up to 5 MB each)
        <input type="file" accept="image/jpeg,image/png,image/gif,image/webp,image/avif" multiple disabled={uploading} onChange={upload} className="text-sm font-normal" />
      </label>
      <p role="status" className="text-sm">
        {uploading ? "Uploading…" : ""}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {product.images.length === 0 ? (
        <p className="text-sm text-stone-500">No images yet. The first image is the one shop listings show.</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Images in order">
          {product.images.map((image, index) => (
            <ImageRow key={image.id} image={image} index={index} last={index === ids.length - 1} onShift={(by) => shift(index, by)} run={run} />
          ))}
        </ol>
      )}
      {product.images.length > 0 && product.variants.length > 1 && (
        <fieldset className="flex min-w-0 flex-col gap-2">
          <legend className="text-sm font-medium">Variant images (shown when a shopper chooses the variant)</legend>
          {product.variants.map((v) => (
            <label key={v.id} className="flex items-center gap-2 text-sm">
              <span className="w-40 truncate">{v.title}</span>
              <select
                className={`${inputClass} w-64`}
                value={v.imageId ?? ""}
                disabled={variantImage.isPending}
                onChange={(e) => run(() => variantImage.mutateAsync({ variantId: v.id, imageId: e.target.value ? Number(e.target.value) : null }))}
              >
                <option value="">The product’s images</option>
                {product.images.map((image, i) => (
                  <option key={image.id} value={image.id}>
                    Image {i + 1}
                    {image.alt ? `: ${image.alt}` : ""}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
