/** Who sends the message: shown in the header and footer of every email. */
export interface Shop {
  name: string;
  /** The storefront's home, absolute. */
  url: string;
  /** An absolute image URL; without one the header shows the name as text. */
  logoUrl?: string;
  /** The postal address line the footer must carry. */
  addressLine: string;
  supportEmail: string;
  /** IANA zone used for every date and time in the message. */
  timeZone: string;
}

/** Every template takes the shop. */
export interface EmailBase {
  shop: Shop;
}

/** Only messages a reader may opt out of take this; transactional ones have no such prop. */
export interface Unsubscribable {
  unsubscribeUrl?: string;
}

/** Same shape as an order's shipping address, so one can be passed as it is. */
export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

/** An order line as the order stores it; amounts are integer minor units of the order's currency. */
export interface OrderLine {
  sku: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
  unitAmount: number;
  lineAmount: number;
}

/** The money side of an order, in integer minor units of `currency`. */
export interface OrderTotals {
  currency: string;
  subtotalAmount: number;
  shippingAmount: number;
  totalAmount: number;
}

/** Where a parcel is and how the reader can follow it. */
export interface Tracking {
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page, absolute. */
  trackingUrl: string;
}
