import { requireAdmin, type ServiceContext } from "../context";
import { env } from "../env";
import { desc } from "drizzle-orm";
import { orders } from "@/db/schema";
import type { AdminOrderRow } from "../orders/admin-list-orders";
import { orderColumns } from "../orders/order-queries";
import { getOperationsFigures, type OperationsFigures } from "./get-operations-figures";
import { getSalesChart, getTopProducts, type ChartDay, type TopProduct } from "./get-sales-chart";
import { getSalesFigures, type PeriodFigures } from "./get-sales-figures";

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

/** How the shop is doing: every figure computed by PostgreSQL, money kept per currency. */
export async function getDashboard(ctx: ServiceContext, options: { timeZone?: string } = {}): Promise<Dashboard> {
  requireAdmin(ctx);
  const timeZone = options.timeZone ?? env().SHOP_TIME_ZONE;
  const [periods, operations, chart, topProducts, recentOrders] = await Promise.all([
    getSalesFigures(ctx, timeZone),
    getOperationsFigures(ctx),
    getSalesChart(ctx, timeZone),
    getTopProducts(ctx, timeZone),
    // The orders list's columns without its count of every order, read from the top of orders_placed_idx.
    ctx.db
      .select({ ...orderColumns, email: orders.email, refundedAmount: orders.refundedAmount })
      .from(orders)
      .orderBy(desc(orders.placedAt), desc(orders.number))
      .limit(RECENT_ORDERS),
  ]);
  return { timeZone, generatedAt: new Date(), periods, operations, chart, topProducts, recentOrders };
}
