import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { insertShopper, seedShop } from "@/server/checkout/checkout-test-fixtures";
import type { Actor, ServiceContext } from "@/server/context";
import { orderAccessToken } from "@/server/orders/order-link";
import { setSigningEnv } from "@/server/orders/test-fixtures";
import { approveReturn } from "@/server/returns/approve-return";
import { requestReturn } from "@/server/returns/request-return";
import { adminContext, deliveredOrder, labelStorage, shopperContext } from "@/server/returns/test-fixtures";
import type { Shop } from "@/server/shipping/test-fixtures";
import { returnLabelResponse } from "./return-label-response";

const t = useTestDatabase();
let shop: Shop;
let ownerId: string;
const as = (actor: Actor): ServiceContext => ({ db: t.db, actor, storage: labelStorage });

/** A return of one lamp from a delivered order (the shopper's, or a guest's), approved so its label is issued unless `approve` is false. */
async function returned(userId: string | null, approve = true) {
  const { orderId, lampLine } = await deliveredOrder(t.db, shop, { userId });
  const returnId = crypto.randomUUID();
  const token = orderAccessToken(orderId);
  const asker = userId ? shopperContext(t.db, userId) : as({ type: "anonymous" });
  await requestReturn(asker, { orderId, returnId, accessToken: userId ? undefined : token, reason: "Too big", lines: [{ orderLineId: lampLine, quantity: 1 }] });
  const trackingCode = approve ? (await approveReturn(adminContext(t.db).ctx, { returnId })).trackingCode : null;
  return { orderId, returnId, token, trackingCode };
}

async function pdfText(answer: Response) {
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/pdf");
  expect(answer.headers.get("cache-control")).toContain("no-store");
  const pdf = await PDFDocument.load(new Uint8Array(await answer.arrayBuffer()));
  expect(pdf.getPageCount()).toBe(1);
  return pdf.getTitle();
}

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  ownerId = await insertShopper(t.db);
});

describe("return label download", () => {
  it("the shopper who placed the order gets their return label; another shopper, a guest and a wrong pairing get 404", async () => {
    const mine = await returned(ownerId);
    const params = { orderId: mine.orderId, returnId: mine.returnId, token: null };
    expect(await pdfText(await returnLabelResponse(as({ type: "shopper", userId: ownerId }), params))).toBe(`Shipping label ${mine.trackingCode}`);

    const other = await insertShopper(t.db);
    expect((await returnLabelResponse(as({ type: "shopper", userId: other }), params)).status).toBe(404);
    expect((await returnLabelResponse(as({ type: "anonymous" }), params)).status).toBe(404);
    // Someone else's return asked for under the shopper's own order id: still nothing.
    const theirs = await returned(other);
    expect((await returnLabelResponse(as({ type: "shopper", userId: ownerId }), { ...params, returnId: theirs.returnId })).status).toBe(404);
    // A token of another order opens nothing here.
    expect((await returnLabelResponse(as({ type: "anonymous" }), { ...params, token: theirs.token })).status).toBe(404);
    // An admin may print it for the shopper.
    expect((await returnLabelResponse(as({ type: "admin", userId: "admin-1" }), params)).status).toBe(200);
  });

  it("a guest opens it with the order's signed link, and only with it", async () => {
    const guest = await returned(null);
    const params = { orderId: guest.orderId, returnId: guest.returnId };
    expect(await pdfText(await returnLabelResponse(as({ type: "anonymous" }), { ...params, token: guest.token }))).toBe(`Shipping label ${guest.trackingCode}`);
    expect((await returnLabelResponse(as({ type: "anonymous" }), { ...params, token: null })).status).toBe(404);
    expect((await returnLabelResponse(as({ type: "anonymous" }), { ...params, token: `${guest.token.slice(0, -2)}xx` })).status).toBe(404);
    expect((await returnLabelResponse(as({ type: "shopper", userId: ownerId }), { ...params, token: null })).status).toBe(404);
  });

  it("404 before the label is issued and for malformed ids", async () => {
    const waiting = await returned(ownerId, false);
    const owner = as({ type: "shopper", userId: ownerId });
    expect((await returnLabelResponse(owner, { orderId: waiting.orderId, returnId: waiting.returnId, token: null })).status).toBe(404);
    expect((await returnLabelResponse(owner, { orderId: "../../etc", returnId: waiting.returnId, token: null })).status).toBe(404);
    expect((await returnLabelResponse(owner, { orderId: waiting.orderId, returnId: "x", token: "y".repeat(300) })).status).toBe(404);
  });
});
