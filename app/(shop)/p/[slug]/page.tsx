import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { getProduct } from "../../_lib/catalog-data";
import { absoluteUrl } from "../../_lib/site-url";
import { ImageGalleryFromUrl, VariantPickerFromUrl } from "./variant-from-url";
import { jsonForScript, productJsonLd } from "./product-json-ld";

// Served from the page cache until the product, its prices or its stock change (app/(shop)/_lib/page-cache.ts): the
// same HTML for everyone, so nothing here reads cookies (the header's own parts load in the browser) or the query
// (?variant= is read in the browser, in variant-from-url.tsx).
export const dynamic = "force-static";
export const generateStaticParams = async () => [];

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  if (!product) return { title: "Product not found" };
  const description = product.description.slice(0, 160);
  const url = `/p/${product.slug}`;
  // og:image and twitter:image come from opengraph-image.tsx and twitter-image.tsx: a PNG card, since social sites draw no SVG.
  return {
    title: product.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Emporium", url, title: product.title, description },
    twitter: { card: "summary_large_image", title: product.title, description },
  };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const { slug } = await params;
  const product = await getProduct(slug);
  if (!product) notFound();

  const trail = product.breadcrumbs.at(-1)?.slug === product.category.slug ? product.breadcrumbs : [...product.breadcrumbs, product.category];
  const attributes = Object.entries(product.attributes);

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(productJsonLd(product, absoluteUrl)) }} />
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          ...trail.map((c) => ({ name: c.name, href: `/c/${c.slug}` })),
          { name: product.title, href: `/p/${product.slug}` },
        ]}
      />
      <div className="grid gap-8 md:grid-cols-2 md:gap-12">
        <ImageGalleryFromUrl images={product.images} variants={product.variants} title={product.title} />
        <div className="flex flex-col gap-6">
          <div>
            <p className="text-sm uppercase tracking-wide text-stone-500">{product.brand}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{product.title}</h1>
          </div>
          <VariantPickerFromUrl options={product.options} variants={product.variants} />
          {product.description && (
            <section aria-labelledby="description-heading">
              <h2 id="description-heading" className="mb-2 text-lg font-semibold">
                Description
              </h2>
              <p className="whitespace-pre-line leading-relaxed text-stone-700">{product.description}</p>
            </section>
          )}
          {attributes.length > 0 && (
            <section aria-labelledby="details-heading">
              <h2 id="details-heading" className="mb-2 text-lg font-semibold">
                Details
              </h2>
              <table className="w-full text-left text-sm">
                <tbody>
                  {attributes.map(([name, value]) => (
                    <tr key={name} className="border-b border-stone-200">
                      <th scope="row" className="w-1/3 py-2 pr-4 font-medium text-stone-600">
                        {name}
                      </th>
                      <td className="py-2">{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
