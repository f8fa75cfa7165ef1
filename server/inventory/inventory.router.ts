import { adminProcedure, createTRPCRouter, toServiceCtx } from "../trpc/init";
import { adjustStock, setOnHand } from "./adjust-stock";
import { exportStockCsv } from "./export-stock-csv";
import { getInventorySettings } from "./get-inventory-settings";
import { importStockCsv } from "./import-stock-csv";
import { listStockLevels } from "./list-stock-levels";
import { listStockMovements } from "./list-stock-movements";
import {
  AdjustStockInput,
  CreateWarehouseInput,
  ImportStockCsvInput,
  ListStockLevelsInput,
  SetDefaultThresholdInput,
  SetLowStockThresholdInput,
  SetOnHandInput,
  StockHistoryInput,
  TransferStockInput,
  UpdateWarehouseInput,
} from "./schemas";
import { setDefaultLowStockThreshold, setLowStockThreshold } from "./set-low-stock-threshold";
import { transferStock } from "./transfer-stock";
import { createWarehouse, listWarehouses, updateWarehouse } from "./warehouses";

export const inventoryRouter = createTRPCRouter({
  levels: adminProcedure.input(ListStockLevelsInput).query(({ ctx, input }) => listStockLevels(toServiceCtx(ctx), input)),
  history: adminProcedure.input(StockHistoryInput).query(({ ctx, input }) => listStockMovements(toServiceCtx(ctx), input)),
  adjust: adminProcedure.input(AdjustStockInput).mutation(({ ctx, input }) => adjustStock(toServiceCtx(ctx), input)),
  setOnHand: adminProcedure.input(SetOnHandInput).mutation(({ ctx, input }) => setOnHand(toServiceCtx(ctx), input)),
  transfer: adminProcedure.input(TransferStockInput).mutation(({ ctx, input }) => transferStock(toServiceCtx(ctx), input)),
  setThreshold: adminProcedure.input(SetLowStockThresholdInput).mutation(({ ctx, input }) => setLowStockThreshold(toServiceCtx(ctx), input)),
  settings: adminProcedure.query(({ ctx }) => getInventorySettings(toServiceCtx(ctx))),
  setDefaultThreshold: adminProcedure.input(SetDefaultThresholdInput).mutation(({ ctx, input }) => setDefaultLowStockThreshold(toServiceCtx(ctx), input)),
  warehouses: adminProcedure.query(({ ctx }) => listWarehouses(toServiceCtx(ctx))),
  createWarehouse: adminProcedure.input(CreateWarehouseInput).mutation(({ ctx, input }) => createWarehouse(toServiceCtx(ctx), input)),
  updateWarehouse: adminProcedure.input(UpdateWarehouseInput).mutation(({ ctx, input }) => updateWarehouse(toServiceCtx(ctx), input)),
  exportCsv: adminProcedure.query(({ ctx }) => exportStockCsv(toServiceCtx(ctx))),
  importCsv: adminProcedure.input(ImportStockCsvInput).mutation(({ ctx, input }) => importStockCsv(toServiceCtx(ctx), input)),
});
