import { appDb } from "@/server/db";
import { systemContext } from "@/server/context";
import { inngestConfigured } from "@/server/env";
import { log } from "@/server/log";
import { closeOnShutdown } from "@/server/shutdown";
import { startOutboxRelay, type OutboxRelay } from "../relay";
import { eventSink } from "../send";
import { InProcessRunner, installRunner, sharedRunner } from "../runner";
import type { FunctionDefinition } from "../step";
import { checkSearchDrift } from "./check-search-drift";
import { checkoutSaga } from "./checkout-saga";
import { completePaidOrderFunction } from "./complete-paid-order";
import type { FunctionDeps } from "./order-state";
import { expireReservations } from "./expire-reservations";
import { foldLowStockChanges } from "./fold-low-stock";
import { fulfilPaidOrder } from "./fulfil-paid-order";
import { reconcilePayments } from "./reconcile-payments";
import { requeueNotifications } from "./requeue-notifications";
import { notifyAdminLowStock } from "./notify-admin-low-stock";
import { notifyAdminNewOrder } from "./notify-admin-new-order";
import { notifyBackInStock } from "./notify-back-in-stock";
import { notifyOrderCancelled } from "./notify-order-cancelled";
import { notifyOrderPaid } from "./notify-order-paid";
import { notifyOrderRefunded } from "./notify-order-refunded";
import { notifyPaymentFailed } from "./notify-payment-failed";
import { notifyReturnApproved } from "./notify-return-approved";
import { notifyReturnReceived } from "./notify-return-received";
import { notifyReturnRejected } from "./notify-return-rejected";
import { notifyReturnRequested } from "./notify-return-requested";
import { notifyShipmentDelivered } from "./notify-shipment-delivered";
import { notifyShipmentException } from "./notify-shipment-exception";
import { notifyShipmentOutForDelivery } from "./notify-shipment-out-for-delivery";
import { notifyShipmentShipped } from "./notify-shipment-shipped";
import { reindexSearch } from "./reindex-search";
import { sendNotificationFunction } from "./send-notification";
import { simulateTracking } from "./simulate-tracking";
import { syncSearchIndex } from "./sync-search-index";

/** Every function of the shop, on the given dependencies (the app's database, or a test's). */
export function shopFunctions(deps: FunctionDeps): FunctionDefinition[] {
  return [
    checkoutSaga(deps),
    completePaidOrderFunction(deps),
    expireReservations(deps),
    reconcilePayments(deps),
    notifyOrderPaid(deps),
    notifyPaymentFailed(deps),
    notifyOrderCancelled(deps),
    notifyOrderRefunded(deps),
    notifyAdminNewOrder(deps),
    notifyAdminLowStock(deps),
    notifyBackInStock(deps),
    notifyShipmentShipped(deps),
    notifyShipmentOutForDelivery(deps),
    notifyShipmentDelivered(deps),
    notifyShipmentException(deps),
    notifyReturnRequested(deps),
    notifyReturnApproved(deps),
    notifyReturnReceived(deps),
    notifyReturnRejected(deps),
    fulfilPaidOrder(deps),
    simulateTracking(deps),
    sendNotificationFunction(deps),
    requeueNotifications(deps),
    foldLowStockChanges(deps),
    syncSearchIndex(deps),
    reindexSearch(deps),
    checkSearchDrift(deps),
  ];
}

export const appFunctionDeps: FunctionDeps = { context: (job) => systemContext(appDb(), job) };

const globalForJobs = globalThis as unknown as { emporiumRelay?: Promise<OutboxRelay> };

/**
 * Starts this process's share of the background work: without an Inngest server, the in-process runner with the app's
 * functions and their cron (sweeping once at once to repair what a restart lost); with either engine, the outbox relay.
 */
export async function startBackgroundJobs(): Promise<void> {
  if (!inngestConfigured() && !sharedRunner()) {
    const runner = new InProcessRunner(shopFunctions(appFunctionDeps));
    installRunner(runner);
    runner.startCron();
    void runner.tick("expire-reservations");
    // Waits, sleeps and retries in flight are dropped, as in a crash (the sweeper repairs them); queries already sent
    // finish before the pool closes.
    closeOnShutdown("in-process runner", () => runner.stop());
    log().info("background jobs: in-process runner (no Inngest server configured); runs in flight are lost on restart, the sweeper repairs them");
  }
  if (!globalForJobs.emporiumRelay) {
    const relay = (globalForJobs.emporiumRelay = startOutboxRelay(appDb(), eventSink()));
    closeOnShutdown("outbox relay", async () => (await relay).stop());
  }
  await globalForJobs.emporiumRelay;
}
