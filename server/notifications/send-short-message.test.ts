import { createECDH, createPublicKey, hkdfSync, createDecipheriv, randomBytes, verify } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, globalAgent, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailboxMessages, notificationEvents, notificationPreferences, notifications, pushSubscriptions, shippingNotices } from "@/db/schema";
import { InProcessRunner } from "@/inngest/runner";
import { sendNotificationFunction } from "@/inngest/functions/send-notification";
import type { FunctionDeps } from "@/inngest/functions/order-state";
import { writeEvent } from "@/server/events/write-event";
import { useTestDatabase } from "@/test/db";
import { startFakeSns, type FakeSns } from "@/test/fake-sns";
import type { ServiceContext } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { createMailboxPushSender, createMailboxSmsSender } from "./mailbox-sender";
import { createSnsSmsSender } from "./sns-sms-sender";
import { createWebPushSender } from "./web-push-sender";

const t = useTestDatabase();
let sns: FakeSns;
let order: { id: string; number: number };
// The shipment the milestones are about; its notices name the order.
const shipmentId = crypto.randomUUID();
let userId: string;
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:shop@shop.test" };

// A push service on https://127.0.0.1 (web-push speaks https only) with a throwaway certificate the test trusts.
const certDir = mkdtempSync(path.join(tmpdir(), "push-cert-"));
let pushService: Server;
let pushOrigin: string;
const pushed: { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
const answers = new Map<string, number>();

beforeAll(async () => {
  setSigningEnv();
  sns = await startFakeSns({ region: "eu-west-1" });
  const { variantId } = await insertVariant(t.db);
  userId = await insertUser(t.db);
  order = await insertOrder(t.db, { variantId, userId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
  const tracking = { shipmentId, orderId: order.id, carrier: "USPS", trackingCode: "9400100000000000000001", trackingUrl: "https://track.example/1", occurredAt: new Date() };
  await t.db.insert(shippingNotices).values(["shipped", "out-for-delivery", "delivered"].map((kind) => ({ ...tracking, kind })));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", `${certDir}/key.pem`, "-out", `${certDir}/cert.pem`], { stdio: "ignore" });
  const cert = readFileSync(`${certDir}/cert.pem`);
  pushService = createServer({ key: readFileSync(`${certDir}/key.pem`), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      pushed.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(answers.get(req.url!) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, "127.0.0.1", resolve));
  pushOrigin = `https://127.0.0.1:${(pushService.address() as AddressInfo).port}`;
  globalAgent.options.ca = cert;
});
afterAll(async () => {
  await sns.close();
  pushService.closeAllConnections();
  await new Promise<void>((resolve) => pushService.close(() => resolve()));
  rmSync(certDir, { recursive: true, force: true });
});

/** Queues a shipping milestone for `channel` the way queueShippingMilestone does (ledger row + announcement) and runs send-notification on it. */
async function send(channel: "sms" | "push", recipient: string, senders: Pick<ServiceContext, "sms" | "push">, kind = "shipped", forUser: string | null = null) {
  const id = await t.db.transaction(async (tx) => {
    const [row] = await tx.insert(notifications).values({ kind, subjectId: shipmentId, recipient, channel, userId: forUser, status: "queued" }).returning({ id: notifications.id });
    await tx.insert(notificationEvents).values({ notificationId: row!.id, status: "queued" });
    await writeEvent({ db: tx, actor: { type: "system", name: "test" }, inTransaction: true }, { name: "shop/notification.queued", data: { notificationId: row!.id } });
    return row!.id;
  });
  const deps: FunctionDeps = { context: (job) => ({ db: t.db, actor: { type: "system", name: job }, ...senders }) };
  const runner = new InProcessRunner([sendNotificationFunction(deps)], { attempts: 3, backoffMs: () => 0 });
  await runner.emit({ name: "shop/notification.queued", data: { notificationId: id } });
  await runner.idle();
  const [row] = await t.db.select().from(notifications).where(eq(notifications.id, id));
  const timeline = await t.db.select().from(notificationEvents).where(eq(notificationEvents.notificationId, id)).orderBy(asc(notificationEvents.id));
  return { row: row!, timeline };
}

const snsSender = () => createSnsSmsSender({ region: "eu-west-1", endpoint: sns.url, credentials: { accessKeyId: "AKIAFAKESNSTEST", secretAccessKey: "fake" } });

describe("SMS", () => {
  it("a shipping milestone goes to SNS as one Publish of its text to the number, and is recorded sent", async () => {
    const { row, timeline } = await send("sms", "+447700900123", { sms: snsSender() });
    const publish = sns.published.at(-1)!;
    expect(publish.params).toMatchObject({ Action: "Publish", Version: "2010-03-31", PhoneNumber: "+447700900123" });
    expect(publish.message).toBe(`Emporium: Order #${order.number} shipped. Your parcel is on its way. http://localhost:3000/orders/${order.id}`);
    expect(publish.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/eu-west-1\/sns\/aws4_request, SignedHeaders=[\w;-]+, Signature=[0-9a-f]{64}$/);
    expect(row).toMatchObject({ status: "sent", providerMessageId: `sns-${publish.messageId}` });
    expect(timeline.map((e) => e.status)).toEqual(["queued", "sent"]);
  });

  it("SNS failing is retried; failing past every retry records the message failed with SNS's error", async () => {
    sns.fail("InternalError", "Throttling");
    const before = sns.published.length;
    expect((await send("sms", "+447700900124", { sms: snsSender() })).row.status).toBe("sent");
    expect(sns.published.length - before).toBe(1);

    sns.fail("InternalError", "InternalError", "InternalError");
    const { row, timeline } = await send("sms", "+447700900125", { sms: snsSender() });
    expect(sns.published.length - before).toBe(1);
    expect(row.status).toBe("failed");
    expect(timeline.map((e) => e.status)).toEqual(["queued", "failed"]);
    expect(timeline[1]!.detail).toMatch(/^SNS 500: InternalError/);
  });

  it("a shopper who switched shipping SMS off after the message was queued is not sent it: skipped at send time", async () => {
    const shopper = await insertUser(t.db);
    await t.db.insert(notificationPreferences).values({ userId: shopper, category: "shipping-updates", channel: "sms", enabled: false });
    const before = sns.published.length;
    const { row, timeline } = await send("sms", "+447700900127", { sms: snsSender() }, "shipped", shopper);
    expect(sns.published.length).toBe(before);
    expect(row).toMatchObject({ status: "skipped", skipReason: "preference" });
    expect(timeline.map((e) => e.status)).toEqual(["queued", "skipped"]);
    expect(timeline[1]!.detail).toMatch(/found at send time/);
  });

  it("without SNS, the dev mailbox keeps the text as a message of channel sms", async () => {
    const { row } = await send("sms", "+447700900126", { sms: createMailboxSmsSender(t.db) });
    const [stored] = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, row.id));
    expect(row.status).toBe("sent");
    expect(stored).toMatchObject({ channel: "sms", to: "+447700900126", text: expect.stringMatching(/^Emporium: Order #\d+ shipped\./) });
  });
});

/** A browser's subscription keys, as PushManager.subscribe makes them: a P-256 pair and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, auth: randomBytes(16) };
}

/** RFC 8291 / RFC 8188: the aes128gcm body of one record, decrypted with the browser's private key and auth secret. */
function decrypt(body: Buffer, keys: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const secret = keys.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), keys.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", secret, keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const record = body.subarray(21 + idLength);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString("utf8");
}

/** The claims of a VAPID JWT, after checking its ES256 signature with the public key it names. */
function verifiedClaims(authorization: string) {
  const [, jwt, key] = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization)!;
  expect(key).toBe(vapid.publicKey);
  const raw = Buffer.from(key!, "base64url");
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33).toString("base64url") }, format: "jwk" });
  const [header, payload, signature] = jwt!.split(".");
  const valid = verify("sha256", Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature!, "base64url"));
  expect(valid).toBe(true);
  expect(JSON.parse(Buffer.from(header!, "base64url").toString())).toMatchObject({ alg: "ES256", typ: "JWT" });
  return JSON.parse(Buffer.from(payload!, "base64url").toString()) as { aud: string; exp: number; sub: string };
}

async function subscribe(pathName: string, keys: ReturnType<typeof browserKeys>) {
  const endpoint = `${pushOrigin}${pathName}`;
  await t.db.insert(pushSubscriptions).values({ userId, endpoint, p256dh: keys.ecdh.getPublicKey().toString("base64url"), auth: keys.auth.toString("base64url") });
  return endpoint;
}

describe("web push", () => {
  it("reaches each subscribed browser with a valid VAPID JWT and a payload it decrypts; a 410 deletes that subscription", async () => {
    const live = browserKeys();
    const liveEndpoint = await subscribe("/push/live", live);
    const goneEndpoint = await subscribe("/push/gone", browserKeys());
    answers.set("/push/gone", 410);

    const { row, timeline } = await send("push", userId, { push: createWebPushSender(t.db, vapid) });
    expect(row).toMatchObject({ status: "sent", providerMessageId: `push-${row.id}`, subject: `Order #${order.number} shipped` });
    expect(timeline.map((e) => e.status)).toEqual(["queued", "sent"]);

    const request = pushed.find((p) => p.path === "/push/live")!;
    const claims = verifiedClaims(request.headers.authorization as string);
    expect(claims.aud).toBe(pushOrigin);
    expect(claims.sub).toBe("mailto:shop@shop.test");
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(request.headers).toMatchObject({ "content-encoding": "aes128gcm", ttl: "86400", urgency: "normal", topic: row.id.replaceAll("-", "") });
    expect(JSON.parse(decrypt(request.body, live))).toEqual({ title: `Order #${order.number} shipped`, body: "Your parcel is on its way.", url: `http://localhost:3000/orders/${order.id}` });

    const left = await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
    expect(left.map((s) => s.endpoint)).toEqual([liveEndpoint]);
    expect(left[0]!.lastSuccessAt).toBeInstanceOf(Date);
    expect(goneEndpoint).not.toBe(liveEndpoint);
  });

  it("a shopper whose only subscription expired (404): it is deleted and the message recorded failed at once", async () => {
    await t.db.delete(pushSubscriptions);
    await subscribe("/push/expired", browserKeys());
    answers.set("/push/expired", 404);
    const before = pushed.length;
    const { row, timeline } = await send("push", userId, { push: createWebPushSender(t.db, vapid) }, "out-for-delivery");
    expect(pushed.length - before).toBe(1);
    expect(row.status).toBe("failed");
    expect(timeline[1]!.detail).toBe("every push subscription of this shopper has expired");
    expect(await t.db.select().from(pushSubscriptions)).toEqual([]);
  });

  it("without VAPID keys, the dev mailbox keeps the payload as a message of channel push", async () => {
    const { row } = await send("push", userId, { push: createMailboxPushSender(t.db) }, "delivered");
    const [stored] = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, row.id));
    expect(stored).toMatchObject({ channel: "push", to: userId, subject: `Order #${order.number} delivered` });
    expect(JSON.parse(stored!.text)).toMatchObject({ url: `http://localhost:3000/orders/${order.id}` });
  });
});
