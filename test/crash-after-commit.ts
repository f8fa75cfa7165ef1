// A shop process that dies at the worst moment: its change and the change's outbox row are committed, the relay has
// picked the row up, and the process is killed (SIGKILL) before the event reaches anyone.
// Usage: node --import tsx test/crash-after-commit.ts '{"url": "...", "action": "place", "cartId": "...", "userId": "...", "ttlMs": 900000}'
//        node --import tsx test/crash-after-commit.ts '{"url": "...", "action": "pay", "orderId": "..."}'
import { createDb } from "@/db/client";
import { drainOutbox } from "@/inngest/relay";
import { createOrderFromCart } from "@/server/checkout/create-order-from-cart";
import { recordPaymentOutcome } from "@/server/payments/record-payment-outcome";
import { createSimulatorProvider } from "@/server/payments/simulator-provider";
import { startPayment } from "@/server/payments/start-payment";
import { createCarrierSimulator } from "@/server/shipping/carrier-simulator";

const args = JSON.parse(process.argv[2] ?? "{}") as { url: string; action: "place" | "pay"; cartId?: string; userId?: string; orderId?: string; ttlMs?: number };
const db = createDb(args.url, { max: 2 });

if (args.action === "place") {
  const ctx = { db, actor: { type: "shopper" as const, userId: args.userId! }, payments: createSimulatorProvider(), carrier: createCarrierSimulator() };
  const { orderId } = await createOrderFromCart(ctx, { cartId: args.cartId!, reservationTtlMs: args.ttlMs });
  await startPayment(ctx, { orderId });
  process.stdout.write(orderId);
} else {
  await recordPaymentOutcome({ db, actor: { type: "webhook", source: "stripe" } }, { orderId: args.orderId!, outcome: "succeeded" });
}
await drainOutbox(db, async () => {
  process.kill(process.pid, "SIGKILL");
  await new Promise(() => {});
});
