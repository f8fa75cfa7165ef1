import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { signStripePayload, simulatedPaymentEvent } from "../server/payments/simulated-event";
import type { LoadBalancer } from "./load-balancer";
import type { ShopClient } from "./http-client";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Deps {
  db: Db;
  balancer: LoadBalancer;
  /** Each instance's own URL, to alternate between them on purpose. */
  instances: string[];
  webhookSecret: string;
  client: (localAddress?: string) => ShopClient;
}

const address = { name: "Scale Buyer", line1: "1 Load Street", city: "London", postalCode: "EC1A 1BB", country: "GB" };

type Placed = { orderId: string; totalAmount: number; currency: string; payment: { paymentIntentId: string } };

/** A variant of an active product, stocked with `units` in one warehouse and none elsewhere. */
async function stockOneVariant(db: Db, units: number, skip = 0): Promise<number> {
  const [row] = await db.execute<{ id: number }>(sql`
    select v.id from variants v join products p on p.id = v.product_id
     where p.status = 'active' order by v.id offset ${skip} limit 1`);
  await db.execute(sql`
    update stock_levels set reserved = 0,
           on_hand = case when warehouse_id = (select min(warehouse_id) from stock_levels where variant_id = ${row!.id}) then ${units} else 0 end
     where variant_id = ${row!.id}`);
  return row!.id;
}

/** A guest's checkout up to placeOrder, each call to whichever instance `at(step)` names. */
async function checkout(client: ShopClient, variantId: number, at: (step: number) => string, email: string) {
  const added = await client.trpc<{ cartId: string }>(at(0), "mutation", "cart.add", { variantId, quantity: 1 });
  if (!added.data) return { status: added.status, code: added.code };
  const details = await client.trpc(at(1), "mutation", "cart.setCheckoutDetails", { email, shippingAddress: address, shippingMethod: "Ground" });
  if (!details.data) return { status: details.status, code: details.code };
  return client.trpc<Placed>(at(2), "mutation", "checkout.placeOrder", { cartId: added.data.cartId });
}

/** `buyers` shoppers, each from its own address, race through the load balancer for `units` units of one variant. */
export async function flashSale(deps: Deps, options: { buyers: number; units: number }): Promise<Check> {
  const variantId = await stockOneVariant(deps.db, options.units);
  const before = deps.balancer.counts.map((c) => c.requests);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: options.buyers }, (_, i) =>
      checkout(deps.client(`127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`), variantId, () => deps.balancer.url, `buyer${i}@scale.test`).catch(
        (error: Error) => ({ status: 0, code: error.message }),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const placed = outcomes.filter((o) => "data" in o && o.data).length;
  const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500).length;
  const errors = outcomes.filter((o) => o.status >= 500 || o.status === 0);
  const [stock] = await deps.db.execute<{ onHand: number; reserved: number; ordered: number }>(sql`
    select sum(on_hand)::int as "onHand", sum(reserved)::int as reserved,
           (select coalesce(sum(quantity), 0)::int from order_lines where variant_id = ${variantId}) as ordered
      from stock_levels where variant_id = ${variantId}`);
  const perInstance = deps.balancer.counts.map((c, i) => `${((c.requests - before[i]!) / seconds).toFixed(1)} req/s`).join(" + ");
  const ok = placed === options.units && stock!.ordered === options.units && stock!.reserved <= stock!.onHand && errors.length === 0;
  return {
    name: `flash sale (${options.buyers} buyers, ${options.units} units)`,
    ok,
    detail:
      `${placed} orders placed, ${refused} refused (4xx, sold out), ${errors.length} failed (5xx or no answer${errors[0] ? `: ${errors[0].code ?? errors[0].status}` : ""}); ` +
      `${stock!.ordered} units ordered of ${stock!.onHand} on hand (${stock!.reserved} reserved); ${seconds.toFixed(1)} s, ${perInstance}`,
  };
}

/** The demo shopper signs in on one instance with the other's CSRF token, sees the session on both, and checks out alternating. */
export async function signedInCheckout(deps: Deps): Promise<Check> {
  const [a, b] = deps.instances as [string, string];
  const shopper = deps.client();
  const signIn = await shopper.signIn(a, b, "shopper@emporium.test", "emporium-shopper");
  const sessions = await Promise.all(deps.instances.map(async (url) => JSON.parse((await shopper.send(`${url}/api/auth/session`)).body) as { user?: { email?: string } }));
  const seenOnBoth = sessions.every((s) => s.user?.email === "shopper@emporium.test");
  const variantId = await stockOneVariant(deps.db, 10, 1);
  const placed = await checkout(shopper, variantId, (step) => deps.instances[step % 2]!, "shopper@emporium.test");
  if (!("data" in placed) || !placed.data) {
    return { name: "signed-in checkout alternating instances", ok: false, detail: `sign-in ${signIn}, session on both ${seenOnBoth}, placeOrder ${placed.status} ${placed.code}` };
  }
  const order = placed.data;
  // Stripe posts the payment's webhook to the shop's public URL: any instance.
  const payload = JSON.stringify(
    simulatedPaymentEvent({ id: order.payment.paymentIntentId, amount: order.totalAmount, currency: order.currency, orderId: order.orderId }, { outcome: "succeeded" }),
  );
  const webhook = await shopper.send(`${deps.balancer.url}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signStripePayload(payload, { secret: deps.webhookSecret }) },
    body: payload,
  });
  const paid = await waitFor(async () => {
    const [row] = await deps.db.execute<{ status: string }>(sql`select status from orders where id = ${order.orderId}`);
    return row?.status === "paid";
  });
  const viewed = await Promise.all(deps.instances.map((url) => shopper.trpc<{ status: string }>(url, "query", "orders.get", { orderId: order.orderId })));
  const ok = signIn === 200 && seenOnBoth && webhook.status === 200 && paid && viewed.every((v) => v.data?.status === "paid");
  return {
    name: "signed-in checkout alternating instances",
    ok,
    detail: `sign-in on B with A's CSRF token: ${signIn}; session valid on both: ${seenOnBoth}; cart on A, details on B, placeOrder on A; webhook ${webhook.status}; paid: ${paid}; order seen paid on both: ${viewed.map((v) => v.data?.status ?? v.code).join("/")}`,
  };
}

/** Wrong passwords for one account, alternating instances: the 11th is refused whichever instance it reaches. */
export async function sharedSignInLimit(deps: Deps): Promise<Check> {
  const email = `nobody-${randomUUID()}@scale.test`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 11; attempt++) {
    const url = deps.instances[attempt % 2]!;
    statuses.push(await deps.client().signIn(url, url, email, "wrong-password-123"));
  }
  const ok = statuses.slice(0, 10).every((s) => s === 401) && statuses[10] === 429;
  return { name: "sign-in limit shared by both instances", ok, detail: `statuses alternating A/B: ${statuses.join(" ")} (10 failures allowed per account, then 429)` };
}

/** Every outbox row delivered, each sent once: a second send would have raised its attempts. */
export async function outboxDeliveries(deps: Deps): Promise<Check> {
  const read = async () =>
    (
      await deps.db.execute<{ events: number; ids: number; once: number; undelivered: number; confirmations: number; paidOrders: number }>(sql`
        select count(*)::int as events, count(distinct id)::int as ids, count(*) filter (where attempts = 1)::int as once,
               count(*) filter (where delivered_at is null)::int as undelivered,
               (select count(*)::int from notifications where kind = 'order-confirmation' and channel = 'email') as confirmations,
               (select count(*)::int from orders where status = 'paid') as "paidOrders"
          from outbox`)
    )[0]!;
  // The relays deliver within moments; the paid order's confirmation follows its event through the runner.
  const settled = await waitFor(async () => {
    const now = await read();
    return now.undelivered === 0 && now.confirmations >= now.paidOrders;
  });
  const row = await read();
  const ok = settled && row.events === row.ids && row.once === row.events && row.confirmations === row.paidOrders;
  return {
    name: "outbox events delivered once",
    ok,
    detail: `${row.events} events, ${row.ids} distinct ids, ${row.once} sent exactly once, ${row.undelivered} undelivered; order confirmation emails ${row.confirmations} for ${row.paidOrders} paid orders`,
  };
}

/** An instance's admin event stream (server-sent events), and whether a `change` arrives on it within `ms` of opening. */
async function adminFeed(url: string, cookie: string, ms: number) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  const response = await fetch(`${url}/api/admin/events`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  const heard = (async () => {
    if (!response.ok || !response.body) return false;
    const decoder = new TextDecoder();
    let text = "";
    const reader = response.body.getReader();
    try {
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        text += decoder.decode(part.value, { stream: true });
        if (text.includes("event: change")) return true;
      }
    } catch {
      // aborted: nothing came in time
    }
    return false;
  })().finally(() => {
    clearTimeout(timer);
    abort.abort();
  });
  return { status: response.status, heard };
}

/** The live dashboard: an admin's event stream on each instance hears an order placed through the other one within 2 s. */
export async function liveFeedOnBoth(deps: Deps): Promise<Check> {
  const admin = deps.client();
  const signIn = await admin.signIn(deps.instances[0]!, deps.instances[0]!, "admin@emporium.test", "emporium-admin");
  const cookie = [...admin.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const variantId = await stockOneVariant(deps.db, 10, 2);
  const rounds: string[] = [];
  let ok = signIn === 200;
  for (const [listener, writer] of [deps.instances, [...deps.instances].reverse()] as Array<[string, string]>) {
    const feed = await adminFeed(listener, cookie, 2_000 + 1_000);
    // The stream subscribes as it opens; a moment later it is listening.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const placed = await checkout(deps.client(), variantId, () => writer, `live-${randomUUID()}@scale.test`);
    const heard = await feed.heard;
    ok &&= feed.status === 200 && "data" in placed && Boolean(placed.data) && heard;
    rounds.push(`order placed on ${writer}, feed on ${listener}: ${feed.status} ${heard ? "heard it" : "heard nothing"}`);
  }
  return { name: "live dashboard fed on both instances", ok, detail: `admin sign-in ${signIn}; ${rounds.join("; ")}` };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
