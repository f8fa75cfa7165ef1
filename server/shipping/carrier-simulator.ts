import { createHash } from "node:crypto";
import type { ShippingAddress } from "@/db/schema/orders";
import { conflict, invalid, notFound } from "../errors";
import { toMinorUnits } from "../money";
import type { Carrier, Label, Parcel, Rate } from "./carrier";

export const SIMULATED_CARRIER = "SimPost";

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 24);

export type Zone = "domestic" | "near" | "far";

/** Countries close enough to ship to each other at the "near" price: North America, and Europe's single market plus its neighbours. */
const REGIONS = [
  ["US", "CA", "MX"],
  ["AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"],
];

export function zoneOf(from: string, to: string): Zone {
  const [a, b] = [from.toUpperCase(), to.toUpperCase()];
  if (a === b) return "domestic";
  return REGIONS.some((region) => region.includes(a) && region.includes(b)) ? "near" : "far";
}

/** Prices in US dollars: a base per zone plus a step per started 500 g; days in transit per zone. */
const SERVICES = [
  { service: "Ground", base: { domestic: 5.5, near: 12, far: 22 }, per500g: { domestic: 0.9, near: 2.1, far: 4.2 }, days: { domestic: 4, near: 7, far: 12 } },
  { service: "Priority", base: { domestic: 8.8, near: 19, far: 35 }, per500g: { domestic: 1.4, near: 3.4, far: 6.7 }, days: { domestic: 2, near: 4, far: 7 } },
  { service: "Express", base: { domestic: 14.3, near: 31, far: 57 }, per500g: { domestic: 2.3, near: 5.5, far: 10.9 }, days: { domestic: 1, near: 2, far: 3 } },
] as const;

/** Fixed, made-up exchange rates from US dollars, so a quote in yen looks like yen; any other currency is priced 1:1. */
const PER_DOLLAR: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, CHF: 0.88, SEK: 10.5, JPY: 150, KWD: 0.31 };

export const simulatedShipmentId = (reference: string, request: string) => `shp_sim_${digest(`${reference}\n${request}`)}`;
const rateIdFor = (carrierShipmentId: string, service: string) => `rate_sim_${digest(`${carrierShipmentId}\n${service}`)}`;
/** Twelve digits after "SIM", from the purchase's idempotency key. */
const trackingCodeFor = (idempotencyKey: string) => `SIM${String(BigInt(`0x${digest(idempotencyKey)}`) % 10n ** 12n).padStart(12, "0")}`;

function checkAddress(side: "from" | "to", a: ShippingAddress, errors: Record<string, string>) {
  if (!/^[A-Za-z]{2}$/.test(a.country)) errors[`${side}.country`] = "a two-letter country code";
  if (!a.line1.trim()) errors[`${side}.line1`] = "a street address";
  if (!a.city.trim()) errors[`${side}.city`] = "a city";
  // Like a carrier's address check, the simulator refuses one postal code on purpose: 00000.
  if (!a.postalCode.trim() || a.postalCode.trim() === "00000") errors[`${side}.postalCode`] = "a postal code the carrier can find";
}

/** Quotes for a parcel: deterministic, from its weight, the zone between the two countries, and the currency. */
export function simulatedRates(input: { carrierShipmentId: string; from: ShippingAddress; to: ShippingAddress; parcel: Parcel; currency: string }): Rate[] {
  const zone = zoneOf(input.from.country, input.to.country);
  const steps = Math.max(1, Math.ceil(input.parcel.weightGrams / 500));
  const currency = input.currency.toUpperCase();
  return SERVICES.map((s) => ({
    id: rateIdFor(input.carrierShipmentId, s.service),
    carrierShipmentId: input.carrierShipmentId,
    carrier: SIMULATED_CARRIER,
    service: s.service,
    amount: toMinorUnits((s.base[zone] + s.per500g[zone] * (steps - 1)) * (PER_DOLLAR[currency] ?? 1), currency),
    currency,
    deliveryDays: s.days[zone],
  }));
}

/**
 * The carrier simulator, the default when no EasyPost key is set: EasyPost's shapes with ids of its own (`shp_sim_…`,
 * `rate_sim_…`, `trk_sim_…`), every id derived from what it was asked, so a repeated call answers the same. Labels
 * bought are remembered in memory only, to answer a second buy with the first label and count purchases; after a
 * restart the same buy answers the same label again (its ids come from the idempotency key). Voids are refunded at
 * once. Tracking moves through scripted timelines posted as signed webhooks (tracking-timeline.ts).
 */
export function createCarrierSimulator(): Carrier & { readonly purchases: number } {
  const bought = new Map<string, { label: Label; voided: boolean }>();
  let purchases = 0;

  return {
    name: "simulator",
    get purchases() {
      return purchases;
    },
    async quoteRates({ from, to, parcel, currency, reference, isReturn = false }) {
      const errors: Record<string, string> = {};
      checkAddress("from", from, errors);
      checkAddress("to", to, errors);
      if (!(parcel.weightGrams > 0)) errors["parcel.weightGrams"] = "a weight above 0 g";
      if (Object.keys(errors).length > 0) throw invalid("the carrier cannot ship this parcel to this address", errors);
      // A return is priced like the parcel it sends back (the zones are symmetric) but is a shipment of its own.
      const carrierShipmentId = simulatedShipmentId(reference, JSON.stringify([from, to, parcel, currency.toUpperCase(), ...(isReturn ? ["return"] : [])]));
      return { carrierShipmentId, rates: simulatedRates({ carrierShipmentId, from, to, parcel, currency }) };
    },
    async buyLabel({ carrierShipmentId, rateId, idempotencyKey }) {
      const service = SERVICES.find((s) => rateIdFor(carrierShipmentId, s.service) === rateId)?.service;
      if (!carrierShipmentId.startsWith("shp_sim_") || !service) throw notFound("the carrier's shipment or rate");
      const existing = bought.get(carrierShipmentId);
      if (existing?.voided) throw conflict("this shipment's label was voided: quote again for a new label");
      if (existing && existing.label.rateId !== rateId) throw conflict("this shipment already has a label at another rate");
      if (existing) return existing.label;
      const label: Label = {
        id: `pl_sim_${digest(idempotencyKey)}`,
        carrierShipmentId,
        rateId,
        carrier: SIMULATED_CARRIER,
        service,
        trackingCode: trackingCodeFor(idempotencyKey),
        labelUrl: null,
      };
      bought.set(carrierShipmentId, { label, voided: false });
      purchases += 1;
      return label;
    },
    async voidLabel(carrierShipmentId) {
      if (!carrierShipmentId.startsWith("shp_sim_")) throw notFound("the carrier's shipment");
      const purchase = bought.get(carrierShipmentId);
      if (purchase) purchase.voided = true;
      return { carrierShipmentId, refundStatus: "refunded" };
    },
    async createTracker({ trackingCode, carrier }) {
      return {
        id: `trk_sim_${digest(trackingCode)}`,
        trackingCode,
        carrier,
        status: "pre_transit",
        statusDetail: "label_created",
        estimatedDeliveryDate: null,
        publicUrl: null,
        details: [{ status: "pre_transit", statusDetail: "label_created", message: "Label created, awaiting the parcel", datetime: new Date().toISOString() }],
      };
    },
  };
}
