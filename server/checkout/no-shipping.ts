/** The shipping_method of an order of goods that need no shipping (ebooks, gift cards): nothing to choose, nothing charged. */
export const NO_SHIPPING = "none";
