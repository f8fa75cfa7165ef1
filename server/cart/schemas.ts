import { z } from "zod";
import { INT4_MAX, MAX_LINE_QUANTITY } from "../limits";
import type { ShippingAddress, ShippingMethodId } from "../checkout/details-schemas";

const VariantId = z.int().positive().max(INT4_MAX);
const Quantity = z
  .int("Enter a whole number")
  .min(1, "The quantity must be at least 1")
  .max(MAX_LINE_QUANTITY, `The quantity can be at most ${MAX_LINE_QUANTITY}`);

export const AddToCartInput = z.strictObject({ variantId: VariantId, quantity: Quantity.default(1) });
export type AddToCartInput = z.input<typeof AddToCartInput>;

export const UpdateCartLineInput = z.strictObject({ variantId: VariantId, quantity: Quantity });
export type UpdateCartLineInput = z.input<typeof UpdateCartLineInput>;

export const RemoveCartLineInput = z.strictObject({ variantId: VariantId });
export type RemoveCartLineInput = z.input<typeof RemoveCartLineInput>;

/** What a write to a line answers: the quantity now in the cart and, when less than asked for, why. */
export interface CartLineResult {
  cartId: string;
  variantId: number;
  quantity: number;
  notice: string | null;
}

export interface CartLine {
  variantId: number;
  productSlug: string;
  productTitle: string;
  variantTitle: string;
  sku: string;
  imageUrl: string | null;
  /** Today's catalogue price. */
  unitAmount: number;
  currency: string;
  quantity: number;
  lineAmount: number;
  /** Units that can be bought now (0 when the product is no longer sold). */
  available: number;
  /** The price moved since the shopper last saw this line; previousUnitAmount is what they saw. */
  priceChanged: boolean;
  previousUnitAmount: number | null;
  /** How many units over what is available (0 when enough). */
  shortBy: number;
}

export interface CartView {
  id: string;
  lines: CartLine[];
  subtotal: number;
  currency: string;
  itemCount: number;
  email: string | null;
  shippingAddress: ShippingAddress | null;
  /** The chosen service; its price comes from a quote (cart.shippingMethods), never from the cart. */
  shippingMethod: ShippingMethodId | null;
}

export interface CartSummary {
  itemCount: number;
}
