import { eq } from "drizzle-orm";
import type { RenderedEmail } from "@/emails";
import { renderEmail } from "./render-email";
import { products, stockAlerts, users, variants } from "@/db/schema";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { absoluteUrl, shopIdentity } from "./shop-identity";
import { unsubscribeUrlFor } from "./unsubscribe-link";

/**
 * The back-in-stock email of one request (the ledger row's subject): the variant as it is sold now, linked on the product
 * page with it selected, and the one-click unsubscribe link the send step also puts in the List-Unsubscribe header.
 */
export async function renderBackInStock(ctx: ServiceContext, row: { subjectId: string; recipient: string }): Promise<RenderedEmail> {
  const [alert] = await ctx.db
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
    .where(eq(stockAlerts.id, row.subjectId));
  if (!alert) throw notFound("Stock alert");
  return renderEmail("back-in-stock", {
    shop: shopIdentity(),
    customerName: alert.customerName ?? undefined,
    productTitle: alert.productTitle,
    variantTitle: ["", "Default"].includes(alert.variantTitle) ? undefined : alert.variantTitle,
    productUrl: absoluteUrl(`/p/${alert.slug}?variant=${alert.variantId}`),
    priceAmount: alert.priceAmount,
    currency: alert.currency,
    unsubscribeUrl: (await unsubscribeUrlFor(ctx, { kind: "back-in-stock", recipient: row.recipient })) ?? undefined,
  });
}
