import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

interface EasyPostAddress {
  name?: string;
  street1?: string;
  street2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
}

export interface FakeRate {
  id: string;
  object: "Rate";
  shipment_id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
  delivery_days: number | null;
  delivery_date: string | null;
}

export interface FakeShipment {
  id: string;
  object: "Shipment";
  reference: string | null;
  is_return: boolean;
  to_address: EasyPostAddress;
  from_address: EasyPostAddress;
  parcel: { object: "Parcel"; weight: number; length?: number; width?: number; height?: number };
  rates: FakeRate[];
  selected_rate: FakeRate | null;
  postage_label: { id: string; object: "PostageLabel"; label_url: string; label_file_type: string } | null;
  tracking_code: string | null;
  refund_status: "submitted" | "refunded" | "rejected" | "not_applicable" | null;
}

type Reply = { status: number; body: unknown };
const id = (prefix: string) => `${prefix}_${randomBytes(16).toString("hex")}`;
const epError = (status: number, code: string, message: string, errors: { field: string; message: string }[] = []): Reply => ({
  status,
  body: { error: { code, message, errors } },
});

/**
 * A local stand-in for EasyPost's REST API v2 (the endpoints the adapter calls), on 127.0.0.1 and a random port, for
 * EASYPOST_API_BASE. Like EasyPost it takes the API key as the Basic auth user, quotes two rates per shipment (decimal
 * strings, in `rateCurrency`), buys one label per shipment and answers SHIPMENT.POSTAGE.EXISTS to a second buy, and
 * keeps the label of a refunded shipment with its refund_status. A recipient whose zip is "00000" fails address
 * verification (422 with field errors). Counts purchases, records every request, and can be told to answer 500, to
 * lose the answer of work it did, or to hold reads so concurrent callers race.
 */
export async function startFakeEasyPost(options: { apiKey?: string; rateCurrency?: string } = {}) {
  const apiKey = options.apiKey ?? "EZTK_fake_key";
  const shipments = new Map<string, FakeShipment>();
  const requests: { method: string; path: string; authorization: string | undefined; body: unknown }[] = [];
  let purchases = 0;
  let failures = 0;
  let lostAnswers = { suffix: "", left: 0 };
  let rateCurrency = options.rateCurrency ?? "USD";
  let heldReads: { count: number; waiting: (() => void)[] } | null = null;

  /** While reads are held, a GET of a shipment waits until `count` of them arrived, then all answer the same state. */
  async function barrier(method: string, path: string) {
    if (!heldReads || method !== "GET" || !path.startsWith("/v2/shipments/")) return;
    const held = heldReads;
    await new Promise<void>((resolve) => {
      held.waiting.push(resolve);
      if (held.waiting.length < held.count) return;
      heldReads = null;
      for (const release of held.waiting) release();
    });
  }

  function createShipment(body: { shipment?: Partial<FakeShipment> }): Reply {
    const s = body.shipment;
    if (!s?.to_address || !s.from_address || !s.parcel?.weight) return epError(422, "SHIPMENT.INVALID_PARAMS", "to_address, from_address and parcel.weight are required");
    if (s.to_address.zip === "00000") {
      return epError(422, "ADDRESS.VERIFY.FAILURE", "Unable to verify address.", [
        { field: "to_address.zip", message: "Invalid postal code" },
        { field: "to_address.street1", message: "Address not found" },
      ]);
    }
    const shipmentId = id("shp");
    const rate = (carrier: string, service: string, amount: string, days: number): FakeRate => ({
      id: id("rate"),
      object: "Rate",
      shipment_id: shipmentId,
      carrier,
      service,
      rate: amount,
      currency: rateCurrency,
      delivery_days: days,
      delivery_date: null,
    });
    const shipment: FakeShipment = {
      id: shipmentId,
      object: "Shipment",
      reference: s.reference ?? null,
      // Like EasyPost, a return keeps the original shipment's addresses in the request and swaps them itself.
      is_return: s.is_return === true,
      to_address: s.is_return ? s.from_address : s.to_address,
      from_address: s.is_return ? s.to_address : s.from_address,
      parcel: { ...s.parcel, object: "Parcel" },
      rates: [rate("USPS", "Priority", "7.58", 2), rate("UPS", "Ground", "12.05", 5)],
      selected_rate: null,
      postage_label: null,
      tracking_code: null,
      refund_status: null,
    };
    shipments.set(shipment.id, shipment);
    return { status: 201, body: shipment };
  }

  function buy(shipment: FakeShipment, body: { rate?: { id?: string } }): Reply {
    if (shipment.postage_label) return epError(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.");
    const rate = shipment.rates.find((r) => r.id === body.rate?.id);
    if (!rate) return epError(404, "NOT_FOUND", "The requested resource could not be found.");
    purchases += 1;
    shipment.selected_rate = rate;
    shipment.tracking_code = `EZ${String(1_000_000_000 + purchases)}`;
    const labelId = id("pl");
    shipment.postage_label = { id: labelId, object: "PostageLabel", label_url: `https://easypost-files.example/${labelId}.png`, label_file_type: "image/png" };
    return { status: 200, body: shipment };
  }

  function refund(shipment: FakeShipment): Reply {
    if (!shipment.postage_label) return epError(422, "SHIPMENT.REFUND.UNAVAILABLE", "Refund is not available for this shipment.");
    shipment.refund_status ??= "submitted";
    return { status: 200, body: shipment };
  }

  function tracker(body: { tracker?: { tracking_code?: string; carrier?: string } }): Reply {
    const code = body.tracker?.tracking_code;
    if (!code) return epError(422, "TRACKER.INVALID_PARAMS", "tracking_code is required");
    return {
      status: 201,
      body: {
        id: id("trk"),
        object: "Tracker",
        tracking_code: code,
        carrier: body.tracker?.carrier ?? "USPS",
        status: "pre_transit",
        status_detail: "label_created",
        est_delivery_date: null,
        public_url: `https://track.easypost.example/${code}`,
        tracking_details: [{ object: "TrackingDetail", status: "pre_transit", status_detail: "label_created", message: "Pre-Shipment information sent", datetime: new Date().toISOString(), tracking_location: { city: null, country: null } }],
      },
    };
  }

  function route(method: string, path: string, body: Record<string, unknown>): Reply {
    if (method === "POST" && path === "/v2/shipments") return createShipment(body);
    if (method === "POST" && path === "/v2/trackers") return tracker(body);
    const match = /^\/v2\/shipments\/([^/]+)(\/buy|\/refund)?$/.exec(path);
    const shipment = match ? shipments.get(match[1]!) : undefined;
    if (!match || !shipment) return epError(404, "NOT_FOUND", "The requested resource could not be found.");
    if (method === "GET" && !match[2]) return { status: 200, body: shipment };
    if (method === "POST" && match[2] === "/buy") return buy(shipment, body);
    if (method === "POST" && match[2] === "/refund") return refund(shipment);
    return epError(405, "METHOD_NOT_ALLOWED", `${method} ${path} is not allowed`);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({ method, path, authorization: req.headers.authorization, body });
    await barrier(method, path);
    let reply: Reply;
    if (req.headers.authorization !== `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}`) reply = epError(401, "APIKEY.INACTIVE", "The API key is missing or inactive.");
    else if (failures > 0) {
      failures -= 1;
      reply = epError(500, "INTERNAL_SERVER_ERROR", "fake EasyPost is down");
    } else reply = route(method, path, body);
    if (lostAnswers.left > 0 && path.endsWith(lostAnswers.suffix) && reply.status < 300) {
      // The work is done, but the caller never hears of it.
      lostAnswers.left -= 1;
      reply = epError(502, "BAD_GATEWAY", "fake EasyPost lost its answer");
    }
    // Answers after a pause, so concurrent requests overlap as they would over the network.
    await new Promise((resolve) => setTimeout(resolve, 5));
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    shipments,
    requests,
    /** Labels bought, each counted once. */
    get purchases() {
      return purchases;
    },
    /** Rates of shipments created from now on are in this currency. */
    quoteIn(currency: string) {
      rateCurrency = currency;
    },
    /** The next `count` reads of a shipment wait for one another, so concurrent callers all see it as it was before any of them wrote. */
    holdReads(count: number) {
      heldReads = { count, waiting: [] };
    },
    /** The next `times` successful requests to a path ending in `suffix` do their work, then answer 502, as when an answer is lost on the way. */
    loseAnswers(suffix: string, times = 1) {
      lostAnswers = { suffix, left: times };
    },
    /** The next `times` requests answer 500. */
    fail(times = Number.POSITIVE_INFINITY) {
      failures = times;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeEasyPost = Awaited<ReturnType<typeof startFakeEasyPost>>;
