/** The largest value a PostgreSQL integer (int4) column holds: ids, quantities, weights, positions, page numbers. */
export const INT4_MAX = 2_147_483_647;

/** The most units of one variant a cart line may hold (a client-side bound too, so it lives outside the zod schemas). */
export const MAX_LINE_QUANTITY = 99;

/**
 * The largest amount, in minor units, that a price or an order total may reach. Stripe accepts at most eight digits
 * of minor units for most currencies ($999,999.99, ¥99,999,999), so anything above could be priced but never paid.
 */
export const MAX_CHARGE_AMOUNT = 99_999_999;
