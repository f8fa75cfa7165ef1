import { eq } from "drizzle-orm";
import { renderEmail, type RenderedEmail } from "@/emails";
import { products, stockAlerts, users, variants } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { absoluteUrl, shopIdentity } from "./shop-identity";

/** The back-in-stock email of one request: the variant as it is sold now, linked on the product page with it selected. */
export async function renderBackInStock(ctx: ServiceContext, alertId: string): Promise<RenderedEmail> {
  const [row] = await ctx.db
    .select({
      customerName: users.name,
      variantId: variants.id,
      variantTitle: variants.title,
      priceAmount: variants.priceAmount,
      currency: variants.currency,
      productTitle: products.title,
      slug: products.slug,
    })
    .from(stockAlerts)
    .innerJoin(variants, eq(variants.id, stockAlerts.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(users, eq(users.id, stockAlerts.userId))
    .where(eq(stockAlerts.id, alertId));
  if (!row) throw notFound("Stock alert");
  return renderEmail("back-in-stock", {
    shop: shopIdentity(),
    customerName: row.customerName ?? undefined,
    productTitle: row.productTitle,
    variantTitle: ["", "Default"].includes(row.variantTitle) ? undefined : row.variantTitle,
    productUrl: absoluteUrl(`/p/${row.slug}?variant=${row.variantId}`),
    priceAmount: row.priceAmount,
    currency: row.currency,
  });
}
