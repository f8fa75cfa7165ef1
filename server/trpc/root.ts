import { createCallerFactory, createTRPCRouter } from "./init";
import { catalogRouter } from "../catalog/catalog.router";
import { adminProductsRouter } from "../catalog/admin-products.router";
import { adminCategoriesRouter } from "../catalog/admin-categories.router";
import { usersRouter } from "../users/users.router";
import { paymentsRouter } from "../payments/payments.router";
import { cartRouter } from "../cart/cart.router";
import { checkoutRouter } from "../checkout/checkout.router";
import { ordersRouter } from "../orders/orders.router";
import { adminOrdersRouter } from "../orders/admin-orders.router";
import { notificationsRouter } from "../notifications/notifications.router";
import { preferencesRouter } from "../notifications/preferences.router";
import { stockAlertsRouter } from "../notifications/stock-alerts.router";
import { pushRouter } from "../notifications/push.router";
import { inventoryRouter } from "../inventory/inventory.router";
import { returnsRouter } from "../returns/returns.router";
import { adminReturnsRouter } from "../returns/admin-returns.router";
import { adminDashboardRouter } from "../admin/admin-dashboard.router";
import { adminFulfilmentRouter } from "../shipping/admin-fulfilment.router";
import { adminCustomersRouter } from "../customers/admin-customers.router";
import { adminSearchRouter } from "../search/admin-search.router";
import { auditRouter } from "../audit/audit.router";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  adminProducts: adminProductsRouter,
  adminCategories: adminCategoriesRouter,
  users: usersRouter,
  payments: paymentsRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  adminOrders: adminOrdersRouter,
  notifications: notificationsRouter,
  preferences: preferencesRouter,
  stockAlerts: stockAlertsRouter,
  push: pushRouter,
  inventory: inventoryRouter,
  returns: returnsRouter,
  adminReturns: adminReturnsRouter,
  adminDashboard: adminDashboardRouter,
  adminFulfilment: adminFulfilmentRouter,
  adminCustomers: adminCustomersRouter,
  adminSearch: adminSearchRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
