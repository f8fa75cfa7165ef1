import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  amount_refunded: number;
  currency: string;
  status: "requires_payment_method" | "processing" | "succeeded" | "canceled";
  client_secret: string;
  capture_method: string;
  created: number;
  latest_charge: string | null;
  metadata: Record<string, string>;
  last_payment_error: { type: "card_error"; code: string; decline_code: string; message: string } | null;
}

export interface FakeRefund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string | null;
  payment_intent: string;
  status: "pending" | "succeeded" | "failed" | "canceled";
  failure_reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface FakeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
  data: { object: Record<string, unknown> };
}

type Fault = "error" | "hang" | "lose-response";
type Reply = { status: number; body: unknown };

const metadataOf = (form: URLSearchParams) => {
  const metadata: Record<string, string> = {};
  for (const [key, value] of form) if (key.startsWith("metadata[")) metadata[key.slice(9, -1)] = value;
  return metadata;
};

/** Stripe's list envelope, newest first, cut at `starting_after` and `limit`. */
function list<T extends { id: string }>(url: string, newestFirst: T[], query: URLSearchParams) {
  const after = query.get("starting_after");
  const from = after ? newestFirst.findIndex((item) => item.id === after) + 1 : 0;
  const limit = Math.min(Number(query.get("limit") ?? 10), 100);
  const data = newestFirst.slice(from, from + limit);
  return { object: "list", url, has_more: from + limit < newestFirst.length, data };
}

/**
 * A local stand-in for the Stripe API (the endpoints we call), on 127.0.0.1 and a random port, for
 * `createStripeProvider({ apiBase: fake.url })`. Honours Idempotency-Key like Stripe (a repeated key replays the
 * first answer), records an event for every change as Stripe does (listed by GET /v1/events, and signable as webhooks),
 * and can be told to answer 500, to hang, or to do the work and then hang. Its clock can be moved forward.
 */
export async function startFakeStripe() {
  const intents = new Map<string, FakeIntent>();
  const refunds: FakeRefund[] = [];
  const events: FakeEvent[] = [];
  const replies = new Map<string, Reply>();
  const requests: { method: string; path: string; idempotencyKey: string | null }[] = [];
  let fault: { how: Fault; left: number } | null = null;
  let nextRefundStatus: FakeRefund["status"] = "succeeded";
  let clockOffset = 0;

  const now = () => Math.floor(Date.now() / 1000) + clockOffset;
  const stripeError = (status: number, type: string, message: string, code?: string): Reply => ({ status, body: { error: { type, message, code } } });

  function emit(type: string, object: object) {
    events.push({
      id: `evt_fake_${events.length + 1}`,
      object: "event",
      api_version: "2025-01-01",
      created: now(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: structuredClone(object) as Record<string, unknown> },
    });
  }

  const refundsOf = (intentId: string) => refunds.filter((r) => r.payment_intent === intentId);

  /** The intent's charge as Stripe shows it in charge.* events, refunds expanded. */
  function chargeOf(intent: FakeIntent) {
    return {
      id: intent.latest_charge,
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount_received,
      amount_refunded: intent.amount_refunded,
      currency: intent.currency,
      payment_intent: intent.id,
      refunded: intent.amount_refunded === intent.amount,
      status: "succeeded",
      refunds: { object: "list", url: `/v1/charges/${intent.latest_charge}/refunds`, has_more: false, data: refundsOf(intent.id).reverse() },
    };
  }

  function createRefund(intent: FakeIntent, amount: number, metadata: Record<string, string>, status: FakeRefund["status"]): FakeRefund {
    const refund: FakeRefund = {
      id: `re_fake_${refunds.length + 1}`,
      object: "refund",
      amount,
      currency: intent.currency,
      charge: intent.latest_charge,
      payment_intent: intent.id,
      status,
      failure_reason: status === "failed" ? "expired_or_canceled_card" : null,
      metadata,
      created: now(),
    };
    refunds.push(refund);
    if (status !== "failed" && status !== "canceled") intent.amount_refunded += amount;
    emit("refund.created", refund);
    emit("charge.refunded", chargeOf(intent));
    return refund;
  }

  function handle(method: string, path: string, form: URLSearchParams, query: URLSearchParams): Reply {
    if (method === "POST" && path === "/v1/payment_intents") {
      const id = `pi_fake_${intents.size + 1}`;
      const intent: FakeIntent = {
        id,
        object: "payment_intent",
        amount: Number(form.get("amount")),
        amount_received: 0,
        amount_refunded: 0,
        currency: form.get("currency") ?? "usd",
        status: "requires_payment_method",
        client_secret: `${id}_secret_fake`,
        capture_method: form.get("capture_method") ?? "automatic",
        created: now(),
        latest_charge: null,
        metadata: metadataOf(form),
        last_payment_error: null,
      };
      intents.set(id, intent);
      return { status: 200, body: intent };
    }
    const match = /^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/.exec(path);
    if (match) {
      const intent = intents.get(match[1]!);
      if (!intent) return stripeError(404, "invalid_request_error", `No such payment_intent: '${match[1]}'`, "resource_missing");
      if (method === "GET" && !match[2]) return { status: 200, body: intent };
      if (method === "POST" && match[2]) {
        if (intent.status !== "requires_payment_method") {
          return stripeError(400, "invalid_request_error", `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`, "payment_intent_unexpected_state");
        }
        intent.status = "canceled";
        emit("payment_intent.canceled", intent);
        return { status: 200, body: intent };
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(form.get("payment_intent") ?? "");
      const amount = Number(form.get("amount") ?? (intent ? intent.amount - intent.amount_refunded : 0));
      if (!intent || intent.status !== "succeeded") return stripeError(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.", "charge_not_refundable");
      if (intent.amount_refunded + amount > intent.amount) return stripeError(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge.", "amount_too_large");
      return { status: 200, body: createRefund(intent, amount, metadataOf(form), nextRefundStatus) };
    }
    if (method === "GET" && path === "/v1/refunds") {
      const intentId = query.get("payment_intent");
      return { status: 200, body: list(path, (intentId ? refundsOf(intentId) : refunds).slice().reverse(), query) };
    }
    if (method === "GET" && path === "/v1/events") {
      const types = [...query].filter(([key]) => /^types\[\d*\]$/.test(key)).map(([, value]) => value);
      const type = query.get("type");
      const gte = Number(query.get("created[gte]") ?? 0);
      const matching = events.filter((e) => e.created >= gte && (types.length === 0 || types.includes(e.type)) && (!type || e.type === type));
      return { status: 200, body: list(path, matching.reverse(), query) };
    }
    return stripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path})`);
  }

  function send(res: ServerResponse, reply: Reply) {
    res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_fake_${requests.length}` });
    res.end(JSON.stringify(reply.body));
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? "GET";
    const [path = "/", search = ""] = (req.url ?? "/").split("?");
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    requests.push({ method, path, idempotencyKey: key });
    if (!req.headers.authorization?.startsWith("Bearer ")) return send(res, stripeError(401, "invalid_request_error", "You did not provide an API key."));

    const current = fault && fault.left > 0 ? fault.how : null;
    if (fault && current) fault.left -= 1;
    if (current === "error") return send(res, stripeError(500, "api_error", "fake Stripe is down"));
    if (current === "hang") return;

    const cacheKey = key && method === "POST" ? `${path}:${key}` : null;
    const reply = (cacheKey && replies.get(cacheKey)) || handle(method, path, new URLSearchParams(Buffer.concat(chunks).toString()), new URLSearchParams(search));
    if (cacheKey && reply.status < 500) replies.set(cacheKey, reply);
    if (current === "lose-response") return;
    send(res, reply);
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const intent = (id: string) => {
    const found = intents.get(id);
    if (!found) throw new Error(`fake Stripe has no intent ${id}`);
    return found;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    intents,
    refunds,
    events,
    requests,
    /** The next `times` requests answer 500, never answer, or are carried out with their answer lost. */
    fail(how: Fault, times = Number.POSITIVE_INFINITY) {
      fault = { how, left: times };
    },
    recover() {
      fault = null;
      nextRefundStatus = "succeeded";
    },
    /** Moves Stripe's clock (event and object timestamps) forward. */
    advance(seconds: number) {
      clockOffset += seconds;
    },
    /** What the shopper's card did in the browser (Stripe Elements confirms the intent, Stripe captures it). */
    succeed(id: string) {
      const found = intent(id);
      Object.assign(found, { status: "succeeded", amount_received: found.amount, latest_charge: found.latest_charge ?? `ch_fake_${id.slice(8)}`, last_payment_error: null });
      emit("payment_intent.succeeded", found);
    },
    /** A bank debit was confirmed: the money is in flight for days, and the intent cannot be cancelled meanwhile. */
    process(id: string) {
      intent(id).status = "processing";
      emit("payment_intent.processing", intent(id));
    },
    decline(id: string, declineCode = "generic_decline") {
      const found = intent(id);
      found.status = "requires_payment_method";
      found.last_payment_error = { type: "card_error", code: "card_declined", decline_code: declineCode, message: "Your card was declined." };
      emit("payment_intent.payment_failed", found);
    },
    /** The status of refunds created through the API from now on (until `recover`). */
    refundsWill(status: FakeRefund["status"]) {
      nextRefundStatus = status;
    },
    /** A refund made by someone in the Stripe dashboard: no metadata of ours. */
    dashboardRefund(intentId: string, amount: number) {
      return createRefund(intent(intentId), amount, {}, "succeeded");
    },
    /** A pending refund reaches its end at the bank. */
    settleRefund(id: string, status: "succeeded" | "failed") {
      const refund = refunds.find((r) => r.id === id);
      if (!refund || refund.status !== "pending") throw new Error(`fake Stripe has no pending refund ${id}`);
      refund.status = status;
      if (status === "failed") {
        refund.failure_reason = "expired_or_canceled_card";
        intent(refund.payment_intent).amount_refunded -= refund.amount;
        emit("refund.failed", refund);
      }
      emit("refund.updated", refund);
    },
    /** The events Stripe would have sent, oldest first. */
    eventsOf(type: string, objectId?: string) {
      return events.filter((e) => e.type === type && (!objectId || e.data.object.id === objectId || e.data.object.payment_intent === objectId));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
