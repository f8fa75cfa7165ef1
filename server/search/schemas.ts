import { z } from "zod";

export const SuggestInput = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((s) => !s.includes("\u0000"), "must not contain NUL characters"),
});
export type SuggestInput = z.output<typeof SuggestInput>;

export interface Suggestions {
  products: { slug: string; title: string; brand: string; priceMin: number; currency: string; imageUrl: string | null }[];
  categories: { slug: string; name: string }[];
  /** The corrected words the products are for, when the typed ones matched nothing. */
  didYouMean?: string;
}
