import { createCallerFactory, createTRPCRouter } from "./init";
import { catalogRouter } from "../catalog/catalog.router";
import { adminProductsRouter } from "../catalog/admin-products.router";
import { usersRouter } from "../users/users.router";
import { ordersRouter } from "../orders/orders.router";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  adminProducts: adminProductsRouter,
  users: usersRouter,
  orders: ordersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
