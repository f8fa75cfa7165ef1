import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

export interface VariantStock {
  /** "Oxford shirt (M)", for messages. */
  name: string;
  priceAmount: number;
  currency: string;
  /** Whether the product is still sold. */
  active: boolean;
  /** Units available over all warehouses; 0 when the product is no longer sold. */
  available: number;
}

/** A variant's price and how many can be bought now, or undefined when it does not exist. */
export async function findVariantStock(ctx: ServiceContext, variantId: number): Promise<VariantStock | undefined> {
  const [row] = await ctx.db.execute<VariantStock & Record<string, unknown>>(sql`
    select case when v.title in ('', 'Default') then p.title else p.title || ' (' || v.title || ')' end as name,
      v.price_amount as "priceAmount", v.currency::text as currency, p.status = 'active' as active,
      case when p.status = 'active'
        then coalesce((select sum(s.on_hand - s.reserved) from stock_levels s where s.variant_id = v.id), 0)::int
        else 0 end as available
    from variants v join products p on p.id = v.product_id
    where v.id = ${variantId}`);
  return row;
}

/** Why a line holds fewer units than the shopper asked for, or null when it holds them all. */
export function cappedNotice(variant: VariantStock, asked: number, got: number, max: number): string | null {
  if (got >= asked) return null;
  if (asked > max && got === max) return `You can buy at most ${max} of ${variant.name}.`;
  return `Only ${variant.available} of ${variant.name} available: your cart has ${got}.`;
}
