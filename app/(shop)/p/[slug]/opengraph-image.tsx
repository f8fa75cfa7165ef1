import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { formatMoney } from "@/app/_components/format-money";
import { fileStorage } from "@/server/storage/storage-for";
import { getProduct } from "../../_lib/catalog-data";
import { ogPicture } from "./og-picture";

// Social sites do not draw SVG: the product page's og:image is this PNG card of the product's picture, name and price.
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const picture = product.images[0] ? await ogPicture(product.images[0].url, fileStorage) : null;
  const price = formatMoney(product.priceMin, product.currency);
  return new ImageResponse(
    (
      <div style={{ display: "flex", width: "100%", height: "100%", background: "#fafaf9", color: "#1c1917" }}>
        {picture && <img src={picture} width={size.height} height={size.height} alt="" />}
        <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", flex: 1, padding: 56, gap: 20 }}>
          <div style={{ fontSize: 28, textTransform: "uppercase", letterSpacing: 2, color: "#57534e" }}>{product.brand}</div>
          <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.15 }}>{product.title}</div>
          <div style={{ fontSize: 40 }}>{product.priceMin === product.priceMax ? price : `From ${price}`}</div>
          <div style={{ fontSize: 28, color: "#57534e", marginTop: 24 }}>Emporium</div>
        </div>
      </div>
    ),
    size,
  );
}
