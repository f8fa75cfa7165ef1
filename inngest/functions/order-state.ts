import { sql } from "drizzle-orm";
import { orderEvents, type payments } from "@/db/schema";
import type { OrderStatus } from "@/server/checkout/schemas";
import type { ServiceContext } from "@/server/context";
import type { Step, StepResult } from "../step";

export type { OrderStatus };
/** The payments row's status (the authoritative outcome), "none" when the order never got one. */
export type PaymentState = (typeof payments.$inferSelect)["status"] | "none";

export interface FunctionDeps {
  /** A system context for the named job: the app's database, or a test's. */
  context: (job: string) => ServiceContext;
}

export type OrderState = { status: OrderStatus; payment: PaymentState; expiresAt: string };

/** What the saga decides on: the order's status, its payment's status and when its reservation expires. */
export async function readOrderState(ctx: ServiceContext, orderId: string): Promise<OrderState> {
  const [row] = await ctx.db.execute<{ status: OrderStatus; payment: PaymentState | null; expiresAt: string }>(sql`
    select o.status, p.status as payment, to_json(o.reservation_expires_at) #>> '{}' as "expiresAt"
      from orders o left join payments p on p.order_id = o.id
     where o.id = ${orderId}`);
  if (!row) throw new Error(`order ${orderId} not found`);
  return { status: row.status, payment: row.payment ?? "none", expiresAt: row.expiresAt };
}

/** One order's steps, run by a checkout function or by the sweeper (whose step ids carry the order id). */
export interface OrderSteps {
  step: Step;
  ctx: ServiceContext;
  orderId: string;
  source: "saga" | "sweeper";
  /** The id of the event that started the run: with the step id it names a timeline row, so a retried step writes it once. */
  runId: string;
}

export function stepId(s: OrderSteps, name: string): string {
  return s.source === "saga" ? name : `${name}-${s.orderId}`;
}

function describe(result: StepResult): string {
  return typeof result === "string" ? result : JSON.stringify(result);
}

/** Runs a step and records it on the order's timeline as "saga:<name>" (or "sweeper:<name>"), for the admin order page. */
export function journal<T extends StepResult>(s: OrderSteps, name: string, work: () => Promise<T>): Promise<T> {
  const id = stepId(s, name);
  return s.step.run(id, async () => {
    const result = await work();
    await s.ctx.db
      .insert(orderEvents)
      .values({ orderId: s.orderId, type: `${s.source}:${name}`, detail: describe(result), stepKey: `${s.runId}:${id}` })
      .onConflictDoNothing();
    return result;
  });
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
