import type { ShippingAddress } from "@/db/schema/orders";
import { conflict, DomainError, invalid, notFound } from "../errors";
import { currencyExponent } from "../money";
import { ShippingProviderError, type Carrier, type Label, type Parcel, type Rate, type RefundStatus, type Tracker, type TrackerStatus } from "./carrier";

export interface EasyPostCarrierOptions {
  apiKey: string;
  /** Another API server than https://api.easypost.com/v2, e.g. a local fake in tests. */
  apiBase?: string;
  timeoutMs?: number;
}

interface EasyPostRate {
  id: string;
  shipment_id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
  delivery_days: number | null;
  delivery_date: string | null;
}

interface EasyPostShipment {
  id: string;
  rates: EasyPostRate[];
  selected_rate: EasyPostRate | null;
  postage_label: { id: string; label_url: string } | null;
  tracking_code: string | null;
  refund_status: RefundStatus | null;
}

interface EasyPostTracker {
  id: string;
  tracking_code: string;
  carrier: string;
  status: TrackerStatus;
  status_detail: string | null;
  est_delivery_date: string | null;
  public_url: string | null;
  tracking_details: { status: TrackerStatus; status_detail: string; message: string; datetime: string; tracking_location?: { city?: string | null; country?: string | null } }[];
}

interface EasyPostError {
  code?: string;
  message?: string;
  errors?: { field?: string; message?: string }[];
}

const GRAMS_PER_OUNCE = 28.349523125;
const CM_PER_INCH = 2.54;
/** EasyPost takes tenths of an ounce or an inch; rounding up never under-declares a parcel. */
const tenthsUp = (value: number) => Math.ceil(value * 10) / 10;

export function toEasyPostParcel(parcel: Parcel) {
  const inches = (cm: number | undefined) => (cm === undefined ? undefined : tenthsUp(cm / CM_PER_INCH));
  return { weight: tenthsUp(parcel.weightGrams / GRAMS_PER_OUNCE), length: inches(parcel.lengthCm), width: inches(parcel.widthCm), height: inches(parcel.heightCm) };
}

const toEasyPostAddress = (a: ShippingAddress) => ({
  name: a.name,
  street1: a.line1,
  street2: a.line2,
  city: a.city,
  state: a.region,
  zip: a.postalCode,
  country: a.country,
  phone: a.phone,
});

const ADDRESS_FIELDS: Record<string, keyof ShippingAddress> = { name: "name", street1: "line1", street2: "line2", city: "city", state: "region", zip: "postalCode", country: "country", phone: "phone" };

/** "to_address.zip" → "to.postalCode", so a form can show EasyPost's message beside our own input. */
function fieldErrorsOf(error: EasyPostError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of error.errors ?? []) {
    if (!field) continue;
    const [side, name] = field.includes(".") ? field.split(".", 2) : ["to_address", field];
    const ours = ADDRESS_FIELDS[name!];
    fields[ours ? `${side === "from_address" ? "from" : "to"}.${ours}` : field] = message ?? "invalid";
  }
  return fields;
}

/** "12.05" in a currency with `exponent` minor digits, as an exact integer (no floating point on the way). */
export function decimalToMinorUnits(decimal: string, currency: string): number {
  const exponent = currencyExponent(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`not a decimal amount: ${decimal}`);
  const fraction = (match[2] ?? "").padEnd(exponent + 1, "0");
  const units = Number(match[1]) * 10 ** exponent + Number(fraction.slice(0, exponent) || "0");
  return fraction[exponent]! >= "5" ? units + 1 : units;
}

function toLabel(shipment: EasyPostShipment): Label {
  const rate = shipment.selected_rate!;
  return {
    id: shipment.postage_label!.id,
    carrierShipmentId: shipment.id,
    rateId: rate.id,
    carrier: rate.carrier,
    service: rate.service,
    trackingCode: shipment.tracking_code!,
    labelUrl: shipment.postage_label!.label_url,
  };
}

const toTracker = (t: EasyPostTracker): Tracker => ({
  id: t.id,
  trackingCode: t.tracking_code,
  carrier: t.carrier,
  status: t.status,
  statusDetail: t.status_detail,
  estimatedDeliveryDate: t.est_delivery_date,
  publicUrl: t.public_url,
  details: t.tracking_details.map((d) => ({
    status: d.status,
    statusDetail: d.status_detail,
    message: d.message,
    datetime: d.datetime,
    city: d.tracking_location?.city ?? undefined,
    country: d.tracking_location?.country ?? undefined,
  })),
});

class EasyPostHttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: EasyPostError,
  ) {
    super(`${status} ${error.code ?? ""} ${error.message ?? ""}`.trim());
  }
}

/**
 * EasyPost over its REST API v2, with fetch (the official SDK would add a dependency for four calls). EasyPost takes
 * no idempotency key: a shipment buys at most one label (a second buy answers SHIPMENT.POSTAGE.EXISTS), so buyLabel
 * first reads the shipment and answers the label it already has, and reads it again when a concurrent buy won.
 */
export function createEasyPostCarrier(options: EasyPostCarrierOptions): Carrier {
  const base = (options.apiBase ?? "https://api.easypost.com/v2").replace(/\/$/, "");
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString("base64")}`;

  async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization, accept: "application/json", ...(body !== undefined && { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    const parsed = (await response.json().catch(() => ({}))) as { error?: EasyPostError };
    if (!response.ok) throw new EasyPostHttpError(response.status, parsed.error ?? { message: response.statusText });
    return parsed as T;
  }

  /** EasyPost's answer as a domain error: a rejected address is Invalid, an unknown object NotFound; the rest is the carrier's failure. */
  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (!(error instanceof EasyPostHttpError)) {
        throw new ShippingProviderError("easypost", operation, error instanceof Error ? error.message : String(error), { cause: error });
      }
      const { status, error: body } = error;
      if (status === 404) throw notFound(`the carrier's shipment or rate`);
      if ((status === 422 || status === 400) && body.code?.startsWith("ADDRESS.")) throw invalid(body.message ?? "the carrier cannot deliver to this address", fieldErrorsOf(body));
      if (status === 422 && body.code === "SHIPMENT.REFUND.UNAVAILABLE") throw conflict("the carrier will not void this label");
      const refused = status >= 400 && status < 500 && status !== 408 && status !== 409 && status !== 429;
      throw new ShippingProviderError("easypost", operation, error.message, { cause: error, refused });
    }
  }

  const getShipment = (id: string) => request<EasyPostShipment>("GET", `/shipments/${encodeURIComponent(id)}`);

  /** The label the shipment already has, if it is the one asked for and still valid. */
  function boughtLabel(shipment: EasyPostShipment, rateId: string): Label | null {
    if (!shipment.postage_label) return null;
    if (shipment.refund_status) throw conflict("this shipment's label was voided: quote again for a new label");
    if (shipment.selected_rate?.id !== rateId) throw conflict("this shipment already has a label at another rate");
    return toLabel(shipment);
  }

  return {
    name: "easypost",
    quoteRates: ({ from, to, parcel, currency, reference, isReturn }) =>
      call("quote rates", async () => {
        const shipment = await request<EasyPostShipment>("POST", "/shipments", {
          shipment: { reference, from_address: toEasyPostAddress(from), to_address: toEasyPostAddress(to), parcel: toEasyPostParcel(parcel), ...(isReturn && { is_return: true }) },
        });
        // A rate in another currency than the one asked for cannot be compared or charged: left out.
        const rates: Rate[] = shipment.rates
          .filter((r) => r.currency.toUpperCase() === currency.toUpperCase())
          .map((r) => ({
            id: r.id,
            carrierShipmentId: shipment.id,
            carrier: r.carrier,
            service: r.service,
            amount: decimalToMinorUnits(r.rate, currency),
            currency: currency.toUpperCase(),
            deliveryDays: r.delivery_days,
            ...(r.delivery_date && { estimatedDeliveryDate: r.delivery_date }),
          }));
        return { carrierShipmentId: shipment.id, rates };
      }),
    buyLabel: ({ carrierShipmentId, rateId }) =>
      call("buy a label", async () => {
        const existing = boughtLabel(await getShipment(carrierShipmentId), rateId);
        if (existing) return existing;
        try {
          return toLabel(await request<EasyPostShipment>("POST", `/shipments/${encodeURIComponent(carrierShipmentId)}/buy`, { rate: { id: rateId } }));
        } catch (error) {
          if (!(error instanceof EasyPostHttpError && error.error.code === "SHIPMENT.POSTAGE.EXISTS")) throw error;
          // Another buy of this shipment won the race: its label is the answer.
          return boughtLabel(await getShipment(carrierShipmentId), rateId) ?? Promise.reject(error);
        }
      }),
    voidLabel: (carrierShipmentId) =>
      call("void a label", async () => {
        const shipment = await request<EasyPostShipment>("POST", `/shipments/${encodeURIComponent(carrierShipmentId)}/refund`, {});
        return { carrierShipmentId: shipment.id, refundStatus: shipment.refund_status ?? "submitted" };
      }),
    createTracker: ({ trackingCode, carrier }) =>
      call("create a tracker", async () => toTracker(await request<EasyPostTracker>("POST", "/trackers", { tracker: { tracking_code: trackingCode, carrier } }))),
  };
}
