import { foldLowStock } from "@/server/admin/fold-low-stock";
import type { FunctionDefinition } from "../step";
import type { FunctionDeps } from "./order-state";

/**
 * Every five minutes: folds the low-stock queue (low_stock_changes) even when no admin opens the dashboard, so the
 * queue, which grows by a row per reservation or release, stays short and the next dashboard load folds little.
 */
export const foldLowStockChanges = (deps: FunctionDeps): FunctionDefinition => ({
  id: "fold-low-stock",
  trigger: { cron: "*/5 * * * *" },
  handler: ({ step }) =>
    step.run("fold-low-stock-changes", async () => {
      await foldLowStock(deps.context("fold-low-stock"));
      return null;
    }),
});
