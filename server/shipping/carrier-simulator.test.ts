import { describe, expect, it } from "vitest";
import type { ShippingAddress } from "@/db/schema/orders";
import { labelIdempotencyKey } from "./carrier";
import { createCarrierSimulator, zoneOf } from "./carrier-simulator";

const warehouse: ShippingAddress = { name: "Emporium", line1: "1 Dock Rd", city: "Portland", region: "OR", postalCode: "97201", country: "US" };
const austin: ShippingAddress = { name: "Ada", line1: "5 Elm St", city: "Austin", region: "TX", postalCode: "78701", country: "US" };
const toronto: ShippingAddress = { name: "Bea", line1: "9 King St", city: "Toronto", region: "ON", postalCode: "M5H 1J9", country: "CA" };
const tokyo: ShippingAddress = { name: "Chie", line1: "1-1 Marunouchi", city: "Tokyo", postalCode: "100-0005", country: "JP" };
const parcel = { weightGrams: 1200 };

describe("carrier simulator", () => {
  it("quotes the same ids and prices for the same parcel, and other ids for another reference", async () => {
    const carrier = createCarrierSimulator();
    const input = { from: warehouse, to: austin, parcel, currency: "USD", reference: "shipment-1" };
    const [a, b] = [await carrier.quoteRates(input), await carrier.quoteRates(input)];
    expect(a).toEqual(b);
    expect(a.carrierShipmentId).toMatch(/^shp_sim_[0-9a-f]{24}$/);
    expect(a.rates.map((r) => [r.service, r.amount, r.currency, r.deliveryDays])).toEqual([
      ["Ground", 730, "USD", 4],
      ["Priority", 1160, "USD", 2],
      ["Express", 1890, "USD", 1],
    ]);
    expect(a.rates.every((r) => /^rate_sim_[0-9a-f]{24}$/.test(r.id) && r.carrierShipmentId === a.carrierShipmentId)).toBe(true);
    expect((await carrier.quoteRates({ ...input, reference: "shipment-2" })).carrierShipmentId).not.toBe(a.carrierShipmentId);
  });

  it("quotes a return as a shipment of its own at the outbound parcel's prices", async () => {
    const carrier = createCarrierSimulator();
    const input = { from: warehouse, to: austin, parcel, currency: "USD", reference: "order-1" };
    const [outbound, back] = [await carrier.quoteRates(input), await carrier.quoteRates({ ...input, isReturn: true })];
    expect(back.carrierShipmentId).not.toBe(outbound.carrierShipmentId);
    expect(back.rates.map((r) => [r.service, r.amount])).toEqual(outbound.rates.map((r) => [r.service, r.amount]));
  });

  it("prices by destination zone and weight", async () => {
    expect([zoneOf("US", "us"), zoneOf("US", "CA"), zoneOf("DE", "FR"), zoneOf("US", "JP")]).toEqual(["domestic", "near", "near", "far"]);
    const carrier = createCarrierSimulator();
    const ground = async (to: ShippingAddress, weightGrams: number) =>
      (await carrier.quoteRates({ from: warehouse, to, parcel: { weightGrams }, currency: "USD", reference: "r" })).rates[0]!.amount;
    expect(await ground(austin, 400)).toBeLessThan(await ground(toronto, 400));
    expect(await ground(toronto, 400)).toBeLessThan(await ground(tokyo, 400));
    expect(await ground(austin, 400)).toBe(await ground(austin, 500));
    expect(await ground(austin, 501)).toBeGreaterThan(await ground(austin, 500));
  });

  it("quotes yen in whole yen (no minor units; 30.40 dollars is 4,560 yen, not 456,000) and dinars in thousandths", async () => {
    const carrier = createCarrierSimulator();
    const yen = await carrier.quoteRates({ from: warehouse, to: tokyo, parcel, currency: "jpy", reference: "r" });
    expect(yen.rates.map((r) => [r.currency, r.amount])).toEqual([
      ["JPY", 4560],
      ["JPY", 7260],
      ["JPY", 11820],
    ]);
    const dinars = await carrier.quoteRates({ from: warehouse, to: austin, parcel, currency: "KWD", reference: "r" });
    expect(dinars.rates[0]!.amount).toBe(2263);
  });

  it("refuses an address or parcel it cannot ship, with field errors", async () => {
    const carrier = createCarrierSimulator();
    await expect(carrier.quoteRates({ from: warehouse, to: { ...austin, postalCode: "00000", country: "USA" }, parcel: { weightGrams: 0 }, currency: "USD", reference: "r" })).rejects.toMatchObject({
      kind: "Invalid",
      fieldErrors: { "to.postalCode": expect.any(String), "to.country": expect.any(String), "parcel.weightGrams": expect.any(String) },
    });
  });

  it("buys a label twice at the same time: one purchase, the same label for both", async () => {
    const carrier = createCarrierSimulator();
    const { carrierShipmentId, rates } = await carrier.quoteRates({ from: warehouse, to: austin, parcel, currency: "USD", reference: "s1" });
    const input = { carrierShipmentId, rateId: rates[1]!.id, idempotencyKey: labelIdempotencyKey("s1") };
    const [a, b] = await Promise.all([carrier.buyLabel(input), carrier.buyLabel(input)]);
    expect(carrier.purchases).toBe(1);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ carrierShipmentId, rateId: rates[1]!.id, service: "Priority", trackingCode: expect.stringMatching(/^SIM\d{12}$/), labelUrl: null });
    // A restarted simulator remembers nothing but answers the same label for the same key.
    expect(await createCarrierSimulator().buyLabel(input)).toEqual(a);
  });

  it("refuses another rate once bought, and an unknown rate", async () => {
    const carrier = createCarrierSimulator();
    const { carrierShipmentId, rates } = await carrier.quoteRates({ from: warehouse, to: austin, parcel, currency: "USD", reference: "s2" });
    await carrier.buyLabel({ carrierShipmentId, rateId: rates[0]!.id, idempotencyKey: labelIdempotencyKey("s2") });
    await expect(carrier.buyLabel({ carrierShipmentId, rateId: rates[2]!.id, idempotencyKey: labelIdempotencyKey("s2") })).rejects.toMatchObject({ kind: "Conflict" });
    await expect(carrier.buyLabel({ carrierShipmentId, rateId: "rate_sim_nope", idempotencyKey: "k" })).rejects.toMatchObject({ kind: "NotFound" });
  });

  it("voids then rebuys: two labels, the first voided", async () => {
    const carrier = createCarrierSimulator();
    const quote = (attempt: number) => carrier.quoteRates({ from: warehouse, to: austin, parcel, currency: "USD", reference: labelIdempotencyKey("s3", attempt) });
    const first = await quote(1);
    const label = await carrier.buyLabel({ carrierShipmentId: first.carrierShipmentId, rateId: first.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s3") });
    expect(await carrier.voidLabel(first.carrierShipmentId)).toEqual({ carrierShipmentId: first.carrierShipmentId, refundStatus: "refunded" });
    expect(await carrier.voidLabel(first.carrierShipmentId)).toEqual({ carrierShipmentId: first.carrierShipmentId, refundStatus: "refunded" });
    await expect(carrier.buyLabel({ carrierShipmentId: first.carrierShipmentId, rateId: first.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s3") })).rejects.toMatchObject({
      kind: "Conflict",
    });
    const second = await quote(2);
    const rebought = await carrier.buyLabel({ carrierShipmentId: second.carrierShipmentId, rateId: second.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s3", 2) });
    expect(carrier.purchases).toBe(2);
    expect(rebought.carrierShipmentId).not.toBe(label.carrierShipmentId);
    expect(rebought.trackingCode).not.toBe(label.trackingCode);
  });

  it("creates a tracker named after its tracking code, before transit", async () => {
    const tracker = await createCarrierSimulator().createTracker({ trackingCode: "SIM000000000042", carrier: "SimPost" });
    expect(tracker).toMatchObject({ id: expect.stringMatching(/^trk_sim_/), status: "pre_transit", trackingCode: "SIM000000000042" });
    expect((await createCarrierSimulator().createTracker({ trackingCode: "SIM000000000042", carrier: "SimPost" })).id).toBe(tracker.id);
  });
});
