import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  tags?: { name: string; value: string }[];
}

type Reply = { status: number; body: unknown };

const resendError = (status: number, name: string, message: string): Reply => ({ status, body: { statusCode: status, name, message } });

/**
 * A local stand-in for Resend's API (POST /emails), on 127.0.0.1 and a random port, for the SDK's baseUrl. Honours
 * Idempotency-Key as Resend does: the same key with the same body answers the first email's id and sends nothing
 * more; the same key with another body is a 409. Can be told to answer 500. Signs webhook payloads the way Resend
 * (through Svix) does, with a whsec_ secret of its own.
 */
export async function startFakeResend() {
  const emails: FakeEmail[] = [];
  const requests: { method: string; path: string; idempotencyKey: string | null }[] = [];
  const byKey = new Map<string, { body: string; id: string }>();
  let failures = 0;
  const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

  function handle(method: string, path: string, raw: string, key: string | null): Reply {
    if (method !== "POST" || path !== "/emails") return resendError(404, "not_found", `${method} ${path} is not a route`);
    const seen = key ? byKey.get(key) : undefined;
    if (seen) return seen.body === raw ? { status: 200, body: { id: seen.id } } : resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
    const body = JSON.parse(raw) as Omit<FakeEmail, "id" | "to"> & { to: string | string[] };
    if (!body.from || !body.to || !body.subject) return resendError(422, "validation_error", "from, to and subject are required");
    const email: FakeEmail = { ...body, id: randomUUID(), to: Array.isArray(body.to) ? body.to : [body.to] };
    emails.push(email);
    if (key) byKey.set(key, { body: raw, id: email.id });
    return { status: 200, body: { id: email.id } };
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const method = req.method ?? "GET";
    const path = (req.url ?? "/").split("?")[0]!;
    requests.push({ method, path, idempotencyKey: key });
    let reply: Reply;
    if (!req.headers.authorization?.startsWith("Bearer ")) reply = resendError(401, "missing_api_key", "Missing API key in the authorization header");
    else if (failures > 0) {
      failures -= 1;
      reply = resendError(500, "internal_server_error", "fake Resend is down");
    } else reply = handle(method, path, Buffer.concat(chunks).toString("utf8"), key);
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    requests,
    webhookSecret,
    /** The next `times` requests answer 500. */
    fail(times = Number.POSITIVE_INFINITY) {
      failures = times;
    },
    /** A delivery event about one of the emails it accepted, as Resend posts it. */
    event(type: string, email: FakeEmail, data: Record<string, unknown> = {}) {
      const tags = Object.fromEntries((email.tags ?? []).map((t) => [t.name, t.value]));
      return {
        type,
        created_at: new Date().toISOString(),
        data: { email_id: email.id, created_at: new Date().toISOString(), from: email.from, to: email.to, subject: email.subject, tags, ...data },
      };
    },
    /** The svix-* headers Resend sends with `payload`, signed with this fake's secret (or another one). */
    sign(payload: string, options: { id?: string; secret?: string; timestamp?: number } = {}) {
      const id = options.id ?? `msg_${randomBytes(12).toString("hex")}`;
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
      const key = Buffer.from((options.secret ?? webhookSecret).replace(/^whsec_/, ""), "base64");
      const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${payload}`).digest("base64");
      return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}` };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;
