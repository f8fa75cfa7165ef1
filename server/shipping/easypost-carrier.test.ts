import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ShippingAddress } from "@/db/schema/orders";
import { startFakeEasyPost, type FakeEasyPost } from "@/test/fake-easypost";
import { DomainError } from "../errors";
import { labelIdempotencyKey, ShippingProviderError, type Carrier } from "./carrier";
import { createEasyPostCarrier, decimalToMinorUnits, toEasyPostParcel } from "./easypost-carrier";

const warehouse: ShippingAddress = { name: "Emporium", line1: "1 Dock Rd", city: "Portland", region: "OR", postalCode: "97201", country: "US" };
const shopper: ShippingAddress = { name: "Ada Shopper", line1: "5 Elm St", line2: "Apt 2", city: "Austin", region: "TX", postalCode: "78701", country: "US", phone: "+15125550100" };
const parcel = { weightGrams: 1000, lengthCm: 30, widthCm: 20, heightCm: 10 };

let fake: FakeEasyPost;
let carrier: Carrier;

beforeAll(async () => {
  fake = await startFakeEasyPost();
  carrier = createEasyPostCarrier({ apiKey: fake.apiKey, apiBase: `${fake.url}/v2` });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.fail(0);
  fake.quoteIn("USD");
});

const quote = (to: ShippingAddress = shopper, reference = "shipment-1") => carrier.quoteRates({ from: warehouse, to, parcel, currency: "USD", reference });

describe("EasyPost carrier", () => {
  it("creates a shipment with Basic auth, EasyPost's address fields, ounces and inches, and answers rates in minor units", async () => {
    const { carrierShipmentId, rates } = await quote();
    const request = fake.requests.at(-1)!;
    expect(request).toMatchObject({ method: "POST", path: "/v2/shipments", authorization: `Basic ${Buffer.from(`${fake.apiKey}:`).toString("base64")}` });
    expect(request.body).toEqual({
      shipment: {
        reference: "shipment-1",
        from_address: { name: "Emporium", street1: "1 Dock Rd", city: "Portland", state: "OR", zip: "97201", country: "US" },
        to_address: { name: "Ada Shopper", street1: "5 Elm St", street2: "Apt 2", city: "Austin", state: "TX", zip: "78701", country: "US", phone: "+15125550100" },
        parcel: { weight: 35.3, length: 11.9, width: 7.9, height: 4 },
      },
    });
    expect(carrierShipmentId).toMatch(/^shp_/);
    expect(rates.map((r) => [r.carrier, r.service, r.amount, r.currency, r.deliveryDays])).toEqual([
      ["USPS", "Priority", 758, "USD", 2],
      ["UPS", "Ground", 1205, "USD", 5],
    ]);
    expect(rates.every((r) => r.id.startsWith("rate_") && r.carrierShipmentId === carrierShipmentId)).toBe(true);
  });

  it("asks for a return label with is_return and the original addresses, which EasyPost swaps", async () => {
    await carrier.quoteRates({ from: warehouse, to: shopper, parcel, currency: "USD", reference: "return-1", isReturn: true });
    const request = fake.requests.at(-1)!;
    expect(request.body).toMatchObject({ shipment: { reference: "return-1", is_return: true, from_address: { street1: "1 Dock Rd" }, to_address: { street1: "5 Elm St" } } });
    expect(fake.requests.filter((r) => r.path === "/v2/shipments").slice(0, -1).every((r) => !("is_return" in (r.body as { shipment: object }).shipment))).toBe(true);
  });

  it("leaves out rates in another currency than the one asked for", async () => {
    fake.quoteIn("CAD");
    expect((await quote()).rates).toEqual([]);
  });

  it("converts grams and centimetres up to the next tenth of an ounce and inch, and decimal rates exactly", () => {
    expect(toEasyPostParcel({ weightGrams: 28.35 })).toEqual({ weight: 1.1, length: undefined, width: undefined, height: undefined });
    expect(toEasyPostParcel({ weightGrams: 2835, lengthCm: 2.54 }).length).toBe(1);
    expect(decimalToMinorUnits("7.58", "USD")).toBe(758);
    expect(decimalToMinorUnits("0.29", "EUR")).toBe(29);
    expect(decimalToMinorUnits("1200", "JPY")).toBe(1200);
    expect(decimalToMinorUnits("1199.5", "JPY")).toBe(1200);
    expect(decimalToMinorUnits("1.5", "KWD")).toBe(1500);
  });

  it("buys a label for a rate: it reads the shipment first, then buys once", async () => {
    const { carrierShipmentId, rates } = await quote();
    const before = fake.purchases;
    const label = await carrier.buyLabel({ carrierShipmentId, rateId: rates[0]!.id, idempotencyKey: labelIdempotencyKey("s1") });
    expect(label).toMatchObject({ carrierShipmentId, rateId: rates[0]!.id, carrier: "USPS", service: "Priority", trackingCode: expect.stringMatching(/^EZ/), labelUrl: expect.stringMatching(/^https:/) });
    expect(fake.requests.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v2/shipments/${carrierShipmentId}`, `POST /v2/shipments/${carrierShipmentId}/buy`]);
    expect(fake.requests.at(-1)!.body).toEqual({ rate: { id: rates[0]!.id } });
    expect(fake.purchases).toBe(before + 1);
  });

  it("buys once when the same label is bought twice at the same time, and both callers get that label", async () => {
    const { carrierShipmentId, rates } = await quote();
    const before = fake.purchases;
    const input = { carrierShipmentId, rateId: rates[1]!.id, idempotencyKey: labelIdempotencyKey("s2") };
    fake.holdReads(2);
    const [a, b] = await Promise.all([carrier.buyLabel(input), carrier.buyLabel(input)]);
    expect(fake.purchases).toBe(before + 1);
    expect(a).toEqual(b);
    // Both read an unbought shipment, so both asked to buy: the loser got SHIPMENT.POSTAGE.EXISTS and read the winner's label.
    expect(fake.requests.filter((r) => r.path === `/v2/shipments/${carrierShipmentId}/buy`)).toHaveLength(2);
    expect(await carrier.buyLabel(input)).toEqual(a);
    expect(fake.purchases).toBe(before + 1);
  });

  it("buys once when the answer to a buy was lost and the buy is retried", async () => {
    const { carrierShipmentId, rates } = await quote();
    const before = fake.purchases;
    const input = { carrierShipmentId, rateId: rates[0]!.id, idempotencyKey: labelIdempotencyKey("s5") };
    fake.loseAnswers("/buy");
    await expect(carrier.buyLabel(input)).rejects.toMatchObject({ name: "ShippingProviderError", refused: false });
    expect(fake.purchases).toBe(before + 1);
    const label = await carrier.buyLabel(input);
    expect(label).toMatchObject({ carrierShipmentId, rateId: rates[0]!.id });
    expect(fake.purchases).toBe(before + 1);
  });

  it("refuses another rate once a label is bought", async () => {
    const { carrierShipmentId, rates } = await quote();
    await carrier.buyLabel({ carrierShipmentId, rateId: rates[0]!.id, idempotencyKey: labelIdempotencyKey("s3") });
    await expect(carrier.buyLabel({ carrierShipmentId, rateId: rates[1]!.id, idempotencyKey: labelIdempotencyKey("s3") })).rejects.toMatchObject({ kind: "Conflict" });
  });

  it("voids a label; buying again needs a new quote, so the rebuy is a second label and the first stays voided", async () => {
    const first = await quote(shopper, "shipment-4");
    const label = await carrier.buyLabel({ carrierShipmentId: first.carrierShipmentId, rateId: first.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s4") });
    expect(await carrier.voidLabel(first.carrierShipmentId)).toEqual({ carrierShipmentId: first.carrierShipmentId, refundStatus: "submitted" });
    expect(await carrier.voidLabel(first.carrierShipmentId)).toEqual({ carrierShipmentId: first.carrierShipmentId, refundStatus: "submitted" });
    await expect(carrier.buyLabel({ carrierShipmentId: first.carrierShipmentId, rateId: first.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s4") })).rejects.toMatchObject({
      kind: "Conflict",
    });

    const second = await quote(shopper, "shipment-4");
    const rebought = await carrier.buyLabel({ carrierShipmentId: second.carrierShipmentId, rateId: second.rates[0]!.id, idempotencyKey: labelIdempotencyKey("s4", 2) });
    expect(rebought.trackingCode).not.toBe(label.trackingCode);
    const labelled = [...fake.shipments.values()].filter((s) => s.reference === "shipment-4" && s.postage_label);
    expect(labelled.map((s) => s.refund_status)).toEqual(["submitted", null]);
  });

  it("maps a rejected address to Invalid with our field names", async () => {
    const error = await quote({ ...shopper, postalCode: "00000" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: "Invalid", fieldErrors: { "to.postalCode": "Invalid postal code", "to.line1": "Address not found" } });
  });

  it("maps an unknown shipment to NotFound and a label that cannot be voided to Conflict", async () => {
    await expect(carrier.buyLabel({ carrierShipmentId: "shp_missing", rateId: "rate_x", idempotencyKey: "k" })).rejects.toMatchObject({ kind: "NotFound" });
    const { carrierShipmentId } = await quote();
    await expect(carrier.voidLabel(carrierShipmentId)).rejects.toMatchObject({ kind: "Conflict" });
  });

  it("reports a failing carrier as retryable and a refused key as refused", async () => {
    fake.fail(1);
    const down = await quote().catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ShippingProviderError);
    expect(down).toMatchObject({ carrier: "easypost", refused: false });

    const wrongKey = createEasyPostCarrier({ apiKey: "EZTK_wrong", apiBase: `${fake.url}/v2` });
    await expect(wrongKey.createTracker({ trackingCode: "EZ1", carrier: "USPS" })).rejects.toMatchObject({ name: "ShippingProviderError", refused: true });

    const unreachable = createEasyPostCarrier({ apiKey: fake.apiKey, apiBase: "http://127.0.0.1:9/v2", timeoutMs: 2_000 });
    await expect(unreachable.voidLabel("shp_x")).rejects.toMatchObject({ name: "ShippingProviderError", refused: false });
  });

  it("creates a tracker and answers it in our terms", async () => {
    const tracker = await carrier.createTracker({ trackingCode: "EZ1000000001", carrier: "USPS" });
    expect(fake.requests.at(-1)!.body).toEqual({ tracker: { tracking_code: "EZ1000000001", carrier: "USPS" } });
    expect(tracker).toMatchObject({ id: expect.stringMatching(/^trk_/), trackingCode: "EZ1000000001", carrier: "USPS", status: "pre_transit", statusDetail: "label_created" });
    expect(tracker.details).toEqual([expect.objectContaining({ status: "pre_transit", message: "Pre-Shipment information sent" })]);
  });
});
