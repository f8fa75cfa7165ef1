import { describe, expect, it } from "vitest";
import type { AdminOrderView } from "@/server/orders/admin-get-order";
import type { ShipmentView } from "@/server/shipping/shipment-queries";
import { orderHistory } from "./order-history";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 9, minutes));

const shipment = (over: Partial<ShipmentView>): ShipmentView => ({
  id: crypto.randomUUID(),
  parentId: null,
  status: "delivered",
  warehouse: "East",
  weightGrams: 400,
  carrier: "SimPost",
  service: "Ground",
  trackingCode: "SIM000000000001",
  trackingUrl: null,
  hasLabel: true,
  labelPurchasedAt: at(5),
  estimatedDeliveryAt: null,
  lines: [],
  events: [],
  ...over,
});

function paidOrder(): AdminOrderView {
  const refundId = crypto.randomUUID();
  return {
    id: crypto.randomUUID(),
    number: 100123,
    status: "paid",
    paymentStatus: "partially_refunded",
    fulfilmentStatus: "delivered",
    totalAmount: 3499,
    currency: "USD",
    placedAt: at(0),
    itemCount: 3,
    email: "ada@example.com",
    subtotalAmount: 3000,
    shippingAmount: 499,
    refundedAmount: 1500,
    shippingAddress: { name: "Ada", line1: "1 Way", city: "London", postalCode: "N1", country: "GB" },
    shippingMethod: "Ground",
    reservationExpiresAt: at(15),
    paidAt: at(1),
    cancelledAt: null,
    cancelReason: null,
    cancelledBy: null,
    customer: { id: "u1", email: "ada@example.com", name: "Ada Lovelace" },
    lines: [
      { id: 7, variantId: 1, sku: "LAMP", productTitle: "Lamp", variantTitle: "Brass", productSlug: null, unitAmount: 1000, quantity: 2, lineAmount: 2000, imageUrl: null, imageAlt: "", refundedQuantity: 1 },
    ],
    refundRecords: [{ id: refundId, amount: 1000, reason: "Dented", notifyCustomer: false, by: "Grace Admin", restockedAt: at(30), createdAt: at(30), lines: [{ orderLineId: 7, quantity: 1, restock: true }] }],
    notes: [],
    events: [
      { id: 1, type: "placed", detail: null, createdAt: at(0) },
      { id: 2, type: "saga:commit-stock", detail: "ok", createdAt: at(1) },
      { id: 3, type: "return_requested", detail: "Too big", createdAt: at(40) },
    ],
    payment: {
      id: "p1",
      provider: "simulator",
      providerPaymentId: "pi_1",
      amount: 3499,
      currency: "USD",
      status: "partially_refunded",
      flaggedReason: null,
      flaggedAt: null,
      createdAt: at(0),
      updatedAt: at(50),
      refunds: [
        { id: refundId, amount: 1000, reason: "Dented", providerRefundId: "re_1", status: "succeeded", origin: "shop", failureReason: null, createdAt: at(30) },
        { id: crypto.randomUUID(), amount: 500, reason: null, providerRefundId: "re_2", status: "succeeded", origin: "provider", failureReason: null, createdAt: at(50) },
      ],
    },
    reconciliation: [],
    reservations: [],
    stockMovements: [],
    messages: [],
    shipments: [
      shipment({
        events: [
          { id: 11, status: "in_transit", carrierStatus: "in_transit", detail: null, occurredAt: at(10) },
          { id: 12, status: "in_transit", carrierStatus: "in_transit", detail: null, occurredAt: at(11) },
          { id: 13, status: "delivered", carrierStatus: "delivered", detail: null, occurredAt: at(20) },
        ],
      }),
      shipment({ status: "cancelled", events: [{ id: 14, status: "in_transit", carrierStatus: "in_transit", detail: null, occurredAt: at(9) }] }),
    ],
  };
}

describe("orderHistory", () => {
  it("tells the order's story in words, oldest first, with who; saga steps and voided parcels stay out", () => {
    expect(orderHistory(paidOrder()).map(({ what, by, detail }) => ({ what, by, detail }))).toEqual([
      { what: "Order placed for $34.99", by: "Ada Lovelace", detail: undefined },
      { what: "Paid $34.99", by: "Ada Lovelace", detail: "through simulator" },
      { what: "Shipped", by: "SimPost", detail: "SIM000000000001" },
      { what: "Delivered", by: "SimPost", detail: "SIM000000000001" },
      { what: "Refunded $10.00", by: "Grace Admin", detail: "1 × Lamp (Brass), back in stock · Dented · customer not emailed" },
      { what: "Return requested", by: undefined, detail: "Too big" },
      { what: "Refunded $5.00", by: "at the payment provider", detail: undefined },
    ]);
  });

  it("names a guest by their address and says why an order was cancelled", () => {
    const order = { ...paidOrder(), customer: null, paidAt: null, payment: null, shipments: [], events: [], status: "cancelled" as const, cancelledAt: at(20), cancelReason: "Payment window ended" };
    expect(orderHistory(order).map(({ what, by, detail }) => ({ what, by, detail }))).toEqual([
      { what: "Order placed for $34.99", by: "Guest (ada@example.com)", detail: undefined },
      { what: "Cancelled", by: undefined, detail: "Payment window ended" },
    ]);
  });

  it("says which admin cancelled a paid order, and why", () => {
    const order = { ...paidOrder(), shipments: [], events: [], status: "cancelled" as const, cancelledAt: at(50), cancelReason: "Out of stock at the supplier", cancelledBy: "Grace Admin" };
    expect(orderHistory(order).find((e) => e.what === "Cancelled")).toMatchObject({ by: "Grace Admin", detail: "Out of stock at the supplier", at: at(50) });
  });
});
