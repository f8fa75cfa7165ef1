import { sql } from "drizzle-orm";
import type { ServiceContext } from "@/server/context";
import { commitStock } from "@/server/inventory/commit-stock";
import { releaseStock } from "@/server/inventory/reserve-stock";
import type { ReceivedEvent } from "@/server/events/schemas";
import type { FunctionDefinition, Step } from "../step";
import { errorMessage, journal, type FunctionDeps, type OrderStatus, type OrderSteps } from "./order-state";
import { cancelOrder, completePaidOrder } from "./settle-order";

const BATCH = 100;

type DueOrder = { orderId: string; status: OrderStatus; paid: boolean };
type StrayOrder = { orderId: string; status: OrderStatus };

/**
 * Orders a lost run left unsettled: pending past their expiry (unless the provider is still processing the payment:
 * the saga and the reconciliation wait for it), pending although their payment succeeded a while ago, or cancelled
 * although their payment succeeded, however long ago (the money goes back).
 */
async function findDueOrders(ctx: ServiceContext): Promise<DueOrder[]> {
  const rows = await ctx.db.execute<DueOrder>(sql`
    (select o.id as "orderId", o.status, coalesce(p.status = 'succeeded', false) as paid
       from orders o left join payments p on p.order_id = o.id
      where o.status = 'pending' and o.reservation_expires_at <= now() and p.status is distinct from 'processing'
      order by o.reservation_expires_at limit ${BATCH})
    union
    (select o.id, o.status, true
       from orders o join payments p on p.order_id = o.id
      where o.status = 'pending' and p.status = 'succeeded' and p.updated_at <= now() - interval '1 minute'
      limit ${BATCH})
    union
    (select o.id, o.status, true
       from orders o join payments p on p.order_id = o.id
      where o.status = 'cancelled' and p.status = 'succeeded'
      limit ${BATCH})`);
  return [...rows];
}

/** Active reservations past their expiry whose order is no longer pending (a release or commit that never ran). */
async function findStrayReservations(ctx: ServiceContext): Promise<StrayOrder[]> {
  const rows = await ctx.db.execute<StrayOrder>(sql`
    select distinct r.order_id as "orderId", o.status
      from stock_reservations r join orders o on o.id = r.order_id
     where r.status = 'active' and r.expires_at <= now() and o.status <> 'pending'
     limit ${BATCH}`);
  return [...rows];
}

function settle(s: OrderSteps, due: DueOrder): Promise<unknown> {
  if (!due.paid) return cancelOrder(s, "reservation expired before the payment arrived");
  return due.status === "pending" ? completePaidOrder(s) : cancelOrder(s, "cancelled before its payment arrived", { paid: true });
}

function settleStray(s: OrderSteps, stray: StrayOrder): Promise<unknown> {
  // A paid order's goods are sold: its leftover reservations are committed, anyone else's given back.
  if (stray.status === "paid" || stray.status === "refunded") {
    return journal(s, "commit-stock", async () => (await commitStock(s.ctx, { orderId: s.orderId })).committed);
  }
  return journal(s, "release-stock", async () => (await releaseStock(s.ctx, { orderId: s.orderId, reason: "expired" })).released);
}

/** The sweeper (every minute): settles what sagas left behind, so no order stays pending and no stock stays held past expiry. */
export async function runExpireReservations({ event, step }: { event: ReceivedEvent; step: Step }, deps: FunctionDeps) {
  const ctx = deps.context("expire-reservations");
  const failures: string[] = [];
  const each = async <T extends { orderId: string }>(items: T[], work: (s: OrderSteps, item: T) => Promise<unknown>) => {
    for (const item of items) {
      await work({ step, ctx, orderId: item.orderId, source: "sweeper", runId: event.id ?? "sweep" }, item).catch((error: unknown) => {
        failures.push(`${item.orderId}: ${errorMessage(error)}`);
      });
    }
  };

  const due = await step.run("find-due-orders", () => findDueOrders(ctx));
  await each(due, settle);
  const strays = await step.run("find-stray-reservations", () => findStrayReservations(ctx));
  await each(strays, settleStray);

  if (failures.length > 0) throw new Error(`could not settle ${failures.length} order(s): ${failures.join("; ")}`);
  return { due: due.length, strays: strays.length };
}

export const expireReservations = (deps: FunctionDeps): FunctionDefinition => ({
  id: "expire-reservations",
  trigger: { cron: "* * * * *" },
  handler: (args) => runExpireReservations(args, deps),
});
