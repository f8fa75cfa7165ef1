import type { OrderLine, OrderTotals, PostalAddress, Shop, Tracking } from "./types";

// Preview data shared by several templates' default props.

export const sampleShop: Shop = {
  name: "Emporium",
  url: "https://emporium.example",
  addressLine: "Emporium Ltd, 14 Harbour Row, Bristol BS1 4RN, United Kingdom",
  supportEmail: "help@emporium.example",
  timeZone: "Europe/London",
};

export const sampleAddress: PostalAddress = {
  name: "Ada Okafor",
  line1: "221 Wick Lane",
  line2: "Flat 3",
  city: "London",
  postalCode: "E3 2NJ",
  country: "GB",
  phone: "+44 20 7946 0123",
};

export const sampleLines: OrderLine[] = [
  { sku: "LIN-SHIRT-M-OAT", productTitle: "Linen shirt", variantTitle: "M / Oat", quantity: 2, unitAmount: 4500, lineAmount: 9000 },
  { sku: "MUG-STONE-350", productTitle: "Stoneware mug", variantTitle: "350 ml", quantity: 1, unitAmount: 1800, lineAmount: 1800 },
];

export const sampleTotals: OrderTotals = { currency: "GBP", subtotalAmount: 10800, shippingAmount: 399, totalAmount: 11199 };

export const sampleTracking: Tracking = {
  carrier: "Royal Mail",
  trackingNumber: "RM482913075GB",
  trackingUrl: "https://track.carrier.example/RM482913075GB",
};

export const sampleOrderUrl = "https://emporium.example/orders/100042";
