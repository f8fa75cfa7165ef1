import { beforeAll, describe, expect, it } from "vitest";
import { callWithValidInput, procedureNamesOf } from "@/test/admin-procedures";
import { useTestDatabase } from "@/test/db";
import { actors, clientError } from "../catalog/admin-test-fixtures";
import { insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { setSigningEnv } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";
import { adjustStock, setOnHand } from "./adjust-stock";
import { exportStockCsv } from "./export-stock-csv";
import { getInventorySettings } from "./get-inventory-settings";
import { importStockCsv } from "./import-stock-csv";
import { listStockLevels } from "./list-stock-levels";
import { listStockMovements } from "./list-stock-movements";
import { setDefaultLowStockThreshold, setLowStockThreshold } from "./set-low-stock-threshold";
import { transferStock } from "./transfer-stock";
import { createWarehouse, listWarehouses, updateWarehouse } from "./warehouses";

const t = useTestDatabase();
let validInputs: Record<string, () => unknown>;

beforeAll(async () => {
  setSigningEnv();
  const shop = await seedShop(t.db);
  const variantId = await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 50 }, { warehouseId: shop.west, onHand: 50 }] });
  let n = 0;
  validInputs = {
    levels: () => ({ filter: "low" }),
    history: () => ({ variantId }),
    adjust: () => ({ variantId, warehouseId: shop.east, delta: 1, reason: "received" }),
    setOnHand: () => ({ variantId, warehouseId: shop.east, onHand: 40, reason: "count correction" }),
    transfer: () => ({ variantId, fromWarehouseId: shop.east, toWarehouseId: shop.west, quantity: 1 }),
    setThreshold: () => ({ variantId, threshold: 3 }),
    settings: () => undefined,
    setDefaultThreshold: () => ({ threshold: 5 }),
    warehouses: () => undefined,
    createWarehouse: () => ({ code: `north-${++n}`, name: "North" }),
    updateWarehouse: () => ({ id: shop.west, name: "West", active: true }),
    exportCsv: () => undefined,
    importCsv: () => ({ csv: "sku,warehouse,on_hand\n", dryRun: true }),
  };
});

const procedureNames = procedureNamesOf("inventory");
const call = (actor: (typeof actors)[keyof typeof actors], name: string) => callWithValidInput(createCaller({ db: t.db, actor }), "inventory", name, validInputs);

describe("inventory authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(validInputs).sort());
  });

  it.each(procedureNames)("%s: anonymous -> UNAUTHORIZED, shopper -> FORBIDDEN, admin -> ok", async (name) => {
    expect((await clientError(call(actors.anonymous, name))).code).toBe("UNAUTHORIZED");
    expect((await clientError(call(actors.shopper, name))).code).toBe("FORBIDDEN");
    await expect(call(actors.admin, name)).resolves.toBeDefined();
  });

  it("each verb checks the actor itself, whoever calls it", async () => {
    const ctx: ServiceContext = { db: t.db, actor: actors.shopper };
    const stock = { variantId: 1, warehouseId: 1 };
    const verbs = [
      () => listStockLevels(ctx, { page: 1, pageSize: 10 }),
      () => listStockMovements(ctx, { variantId: 1, limit: 10 }),
      () => adjustStock(ctx, { ...stock, delta: 1, reason: "received" }),
      () => setOnHand(ctx, { ...stock, onHand: 1, reason: "received" }),
      () => transferStock(ctx, { variantId: 1, fromWarehouseId: 1, toWarehouseId: 2, quantity: 1 }),
      () => setLowStockThreshold(ctx, { variantId: 1, threshold: 1 }),
      () => getInventorySettings(ctx),
      () => setDefaultLowStockThreshold(ctx, { threshold: 1 }),
      () => listWarehouses(ctx),
      () => createWarehouse(ctx, { code: "x", name: "X" }),
      () => updateWarehouse(ctx, { id: 1, name: "X", active: false }),
      () => exportStockCsv(ctx),
      () => importStockCsv(ctx, { csv: "", dryRun: true }),
    ];
    for (const verb of verbs) await expect(verb()).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("refuses a bad input as BAD_REQUEST with the zod issue", async () => {
    const admin = createCaller({ db: t.db, actor: actors.admin });
    const error = await clientError(admin.inventory.adjust({ variantId: 1, warehouseId: 1, delta: 0, reason: "received" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.zodIssues).toEqual([{ path: ["delta"], message: "Enter a change other than 0" }]);
  });
});
