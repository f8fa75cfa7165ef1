import type { Db } from "@/db/client";
import { requireAdmin, type ServiceContext } from "../context";
import { env } from "../env";
import { desc } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { AdminOrderRow } from "../orders/admin-list-orders";
import { orderColumns } from "../orders/order-queries";
import { foldLowStock } from "./fold-low-stock";
import { getOperationsFigures, type OperationsFigures } from "./get-operations-figures";
import { getTopProducts, type ChartDay, type TopProduct } from "./get-sales-chart";
import { getSales, type PeriodFigures } from "./get-sales-figures";

const RECENT_ORDERS = 8;

export interface Dashboard {
  /** The IANA zone the days are counted in (SHOP_TIME_ZONE). */
  timeZone: string;
  generatedAt: Date;
  periods: PeriodFigures[];
  operations: OperationsFigures;
  chart: ChartDay[];
  topProducts: TopProduct[];
  recentOrders: AdminOrderRow[];
}

/**
 * How the shop is doing: every figure computed by PostgreSQL, money kept per currency. The figures are read in one
 * read-only REPEATABLE READ transaction, so they agree with each other (one snapshot), and on one connection, one
 * statement after another: run in parallel on the pool, they waited for each other's CPU.
 */
export async function getDashboard(ctx: ServiceContext, options: { timeZone?: string } = {}): Promise<Dashboard> {
  requireAdmin(ctx);
  const timeZone = options.timeZone ?? env().SHOP_TIME_ZONE;
  // It writes, so it goes before the read-only snapshot, which then counts what it folded.
  await foldLowStock(ctx);
  const read = (snapshot: ServiceContext) =>
    Promise.all([
      getSales(snapshot, timeZone),
      getOperationsFigures(snapshot),
      getTopProducts(snapshot, timeZone),
      // The orders list's columns without its count of every order, read from the top of orders_placed_idx.
      snapshot.db
        .select({ ...orderColumns, email: orders.email, refundedAmount: orders.refundedAmount })
        .from(orders)
        .orderBy(desc(orders.placedAt), desc(orders.number))
        .limit(RECENT_ORDERS),
    ]);
  const [{ periods, chart }, operations, topProducts, recentOrders] = ctx.inTransaction
    ? await read(ctx)
    : await (ctx.db as Db).transaction((tx) => read({ ...ctx, db: tx, inTransaction: true }), {
        isolationLevel: "repeatable read",
        accessMode: "read only",
      });
  return { timeZone, generatedAt: new Date(), periods, operations, chart, topProducts, recentOrders };
}
