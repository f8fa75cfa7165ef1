import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_refunded: number;
  currency: string;
  status: "requires_payment_method" | "succeeded" | "canceled";
  client_secret: string;
  capture_method: string;
  metadata: Record<string, string>;
  last_payment_error: { type: "card_error"; code: string; decline_code: string; message: string } | null;
}

type Fault = "error" | "hang" | "lose-response";
type Reply = { status: number; body: unknown };

/**
 * A local stand-in for the Stripe API (the few endpoints we call), on 127.0.0.1 and a random port, for
 * `createStripeProvider({ apiBase: fake.url })`. Honours Idempotency-Key like Stripe (a repeated key replays the
 * first answer), counts what it created, and can be told to answer 500, to hang, or to do the work and then hang.
 */
export async function startFakeStripe() {
  const intents = new Map<string, FakeIntent>();
  const refunds: { id: string; payment_intent: string; amount: number }[] = [];
  const replies = new Map<string, Reply>();
  const requests: { method: string; path: string; idempotencyKey: string | null }[] = [];
  let fault: { how: Fault; left: number } | null = null;

  const stripeError = (status: number, type: string, message: string, code?: string): Reply => ({ status, body: { error: { type, message, code } } });

  function handle(method: string, path: string, form: URLSearchParams): Reply {
    if (method === "POST" && path === "/v1/payment_intents") {
      const id = `pi_fake_${intents.size + 1}`;
      const metadata: Record<string, string> = {};
      for (const [key, value] of form) if (key.startsWith("metadata[")) metadata[key.slice(9, -1)] = value;
      const intent: FakeIntent = {
        id,
        object: "payment_intent",
        amount: Number(form.get("amount")),
        amount_refunded: 0,
        currency: form.get("currency") ?? "usd",
        status: "requires_payment_method",
        client_secret: `${id}_secret_fake`,
        capture_method: form.get("capture_method") ?? "automatic",
        metadata,
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
        if (intent.status === "succeeded" || intent.status === "canceled") {
          return stripeError(400, "invalid_request_error", `You cannot cancel this PaymentIntent because it has a status of ${intent.status}.`, "payment_intent_unexpected_state");
        }
        intent.status = "canceled";
        return { status: 200, body: intent };
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const intent = intents.get(form.get("payment_intent") ?? "");
      const amount = Number(form.get("amount") ?? intent?.amount);
      if (!intent || intent.status !== "succeeded") return stripeError(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.", "charge_not_refundable");
      if (intent.amount_refunded + amount > intent.amount) return stripeError(400, "invalid_request_error", "Refund amount is greater than unrefunded amount on charge.", "amount_too_large");
      intent.amount_refunded += amount;
      const refund = { id: `re_fake_${refunds.length + 1}`, object: "refund", payment_intent: intent.id, amount, status: "succeeded" };
      refunds.push(refund);
      return { status: 200, body: refund };
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
    const path = (req.url ?? "/").split("?")[0]!;
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    requests.push({ method, path, idempotencyKey: key });
    if (!req.headers.authorization?.startsWith("Bearer ")) return send(res, stripeError(401, "invalid_request_error", "You did not provide an API key."));

    const current = fault && fault.left > 0 ? fault.how : null;
    if (fault && current) fault.left -= 1;
    if (current === "error") return send(res, stripeError(500, "api_error", "fake Stripe is down"));
    if (current === "hang") return;

    const cacheKey = key && method === "POST" ? `${path}:${key}` : null;
    const reply = (cacheKey && replies.get(cacheKey)) || handle(method, path, new URLSearchParams(Buffer.concat(chunks).toString()));
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
    requests,
    /** The next `times` requests answer 500, never answer, or are carried out with their answer lost. */
    fail(how: Fault, times = Number.POSITIVE_INFINITY) {
      fault = { how, left: times };
    },
    recover() {
      fault = null;
    },
    /** What the shopper's card did in the browser (Stripe Elements confirms the intent, Stripe captures it). */
    succeed(id: string) {
      intent(id).status = "succeeded";
    },
    decline(id: string, declineCode = "generic_decline") {
      intent(id).last_payment_error = { type: "card_error", code: "card_declined", decline_code: declineCode, message: "Your card was declined." };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
