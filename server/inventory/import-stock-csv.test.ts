import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { insertPendingOrder, seedShop, stockOf } from "../checkout/checkout-test-fixtures";
import { insertProduct } from "../catalog/test-fixtures";
import type { ServiceContext } from "../context";
import { setSigningEnv } from "../orders/test-fixtures";
import { exportStockCsv } from "./export-stock-csv";
import { importStockCsv } from "./import-stock-csv";
import { reserveStock } from "./reserve-stock";
import { parseCsv } from "./stock-csv";

const t = useTestDatabase();
let shop: Awaited<ReturnType<typeof seedShop>>;
let variantIds: number[];
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "csv-admin" } });

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  const stock = [{ warehouseId: shop.east, onHand: 4 }, { warehouseId: shop.west, onHand: 0 }];
  ({ variantIds } = await insertProduct(t.db, { categoryId: shop.categoryId, variants: [{ sku: "MUG-1", stock }, { sku: "MUG-2", stock }, { sku: "MUG-3", stock }] }));
  const orderId = await insertPendingOrder(t.db);
  await reserveStock(admin(), { orderId, expiresAt: new Date(Date.now() + 60_000), lines: [{ variantId: variantIds[2]!, quantity: 3 }] });
});

const levels = async () => Promise.all(variantIds.map(async (id) => (await stockOf(t.db, id)).levels.map((l) => l.onHand)));

describe("stock CSV", () => {
  it("exports every level, and the export imports back as no change", async () => {
    const { csv } = await exportStockCsv(admin());
    expect(csv.split("\r\n")).toEqual(["sku,warehouse,on_hand", "MUG-1,east,4", "MUG-1,west,0", "MUG-2,east,4", "MUG-2,west,0", "MUG-3,east,4", "MUG-3,west,0", ""]);
    const result = await importStockCsv(admin(), { csv, dryRun: true });
    expect(result.errors).toBe(0);
    expect(result.rows.every((r) => r.change === 0)).toBe(true);
  });

  it("a file with 3 bad rows previews them with their errors and imports nothing, even when confirmed", async () => {
    const csv = [
      "sku,warehouse,on_hand",
      "MUG-1,east,10",
      "NOPE-9,east,1",
      "MUG-2,moon,1",
      "MUG-3,east,2",
      "MUG-2,east,7",
    ].join("\n");
    const before = await levels();
    const preview = await importStockCsv(admin(), { csv, dryRun: true });
    expect(preview.imported).toBe(false);
    expect(preview.errors).toBe(3);
    expect(preview.rows).toEqual([
      { line: 2, sku: "MUG-1", warehouse: "east", onHand: 10, current: 4, change: 6, error: null },
      { line: 3, sku: "NOPE-9", warehouse: "east", onHand: 1, current: null, change: null, error: 'Unknown SKU "NOPE-9"' },
      { line: 4, sku: "MUG-2", warehouse: "moon", onHand: 1, current: null, change: null, error: 'Unknown warehouse code "moon"' },
      { line: 5, sku: "MUG-3", warehouse: "east", onHand: 2, current: null, change: null, error: "3 units are reserved by open orders: on hand cannot go below that" },
      { line: 6, sku: "MUG-2", warehouse: "east", onHand: 7, current: 4, change: 3, error: null },
    ]);
    expect((await importStockCsv(admin(), { csv, dryRun: false })).imported).toBe(false);
    expect(await levels()).toEqual(before);
  });

  it("a clean file changes nothing on a dry run and everything, in one go, when confirmed", async () => {
    const csv = "sku,warehouse,on_hand\nMUG-1,east,9\nMUG-1,west,2\n\"MUG-2\",west,5\nMUG-3,east,3\n";
    const before = await levels();
    expect((await importStockCsv(admin(), { csv, dryRun: true })).errors).toBe(0);
    expect(await levels()).toEqual(before);
    expect(await importStockCsv(admin(), { csv, dryRun: false })).toMatchObject({ imported: true, errors: 0 });
    expect(await levels()).toEqual([
      [9, 2],
      [4, 5],
      [3, 0],
    ]);
  });

  it("names a bad header, a repeated row and a bad count", async () => {
    expect((await importStockCsv(admin(), { csv: "code,qty\nMUG-1,3", dryRun: true })).rows[0]!.error).toMatch(/header/);
    const { rows } = await importStockCsv(admin(), { csv: "sku,warehouse,on_hand\nMUG-1,east,-1\nMUG-1,west,1\nMUG-1,west,2\nMUG-2,east", dryRun: true });
    expect(rows.map((r) => r.error)).toEqual([
      'On hand must be a whole number from 0 to 2147483647, not "-1"',
      null,
      "Repeats line 3",
      "Expected 3 cells, found 2",
    ]);
  });

  it("parses quoted cells with commas, quotes and line breaks", () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n"multi\nline",x,y\n')).toEqual([
      { line: 1, cells: ["a", "b,c", 'say "hi"'] },
      { line: 2, cells: ["multi\nline", "x", "y"] },
    ]);
  });
});
