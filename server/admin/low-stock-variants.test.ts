import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/db/seed";
import { seedOrderHistory } from "@/db/seed-orders";
import { foldLowStockChanges } from "@/inngest/functions/fold-low-stock";
import { scriptedStep } from "@/inngest/functions/saga-test-kit";
import { systemContext } from "@/server/context";
import { useTestDatabase } from "@/test/db";
import { setProductsStatus } from "../catalog/set-products-status";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { adjustStock } from "../inventory/adjust-stock";
import { setDefaultLowStockThreshold, setLowStockThreshold } from "../inventory/set-low-stock-threshold";
import { heldReservations } from "../inventory/test-held-reservations";
import { transferStock } from "../inventory/transfer-stock";
import { listWarehouses, updateWarehouse, type WarehouseRow } from "../inventory/warehouses";
import { setSigningEnv } from "../orders/test-fixtures";
import { getDashboard } from "./get-dashboard";
import { recountLowStock } from "./test-low-stock";

const WORKERS = 16;
const OPERATIONS_PER_WORKER = 120;
const t = useTestDatabase({ max: WORKERS + 4 });
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "low-stock-admin" } });
let variants: { id: number; productId: number }[] = [];
let warehouses: WarehouseRow[] = [];

async function dashboardLowStock() {
  const { operations } = await getDashboard(admin());
  return { low: operations.lowStockVariants, out: operations.outOfStockVariants };
}

beforeAll(async () => {
  setSigningEnv();
  await seedDatabase(t.db, { products: 200, demoUsers: false });
  await seedOrderHistory(t.db, { orders: 2_000 });
  // Variants with little stock, so reservations, thresholds and warehouses move them across the line and back.
  variants = [
    ...(await t.db.execute<{ id: number; productId: number }>(sql`
      select v.id, v.product_id as "productId" from variants v join stock_levels s on s.variant_id = v.id
       group by v.id having sum(s.on_hand) between 1 and 40 and count(*) = 2 order by v.id limit 24`)),
  ];
  warehouses = await listWarehouses(admin());
}, 180_000);

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const KINDS = ["reserve", "reserve", "commit", "release", "adjust", "transfer", "threshold", "status", "warehouse", "default", "dashboard"] as const;
type Kind = (typeof KINDS)[number];

/** Random writes of every kind that moves a variant's low-stock standing; refusals (short stock, a deactivated warehouse) are expected, nothing else. */
async function worker(kinds: readonly Kind[], done: Record<Kind, number>) {
  const held = heldReservations(t.db, admin(), "low-stock test");
  for (let i = 0; i < OPERATIONS_PER_WORKER; i++) {
    const variant = pick(variants);
    const [from, to] = Math.random() < 0.5 ? [warehouses[0]!, warehouses[1]!] : [warehouses[1]!, warehouses[0]!];
    const kind = pick(kinds);
    try {
      if (kind === "reserve") await held.reserve([{ variantId: variant.id, quantity: between(1, 3) }, { variantId: pick(variants).id, quantity: 1 }]);
      if ((kind === "commit" || kind === "release") && !(await held.settle(kind))) continue;
      if (kind === "adjust") await adjustStock(admin(), { variantId: variant.id, warehouseId: from.id, delta: pick([-3, -1, 1, 2, 4]), reason: "count correction" });
      if (kind === "transfer") await transferStock(admin(), { variantId: variant.id, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: between(1, 3) });
      if (kind === "threshold") await setLowStockThreshold(admin(), { variantId: variant.id, threshold: pick([null, 0, 3, 8, 20]) });
      if (kind === "status") await setProductsStatus(admin(), { ids: [variant.productId], status: pick(["active", "active", "archived", "draft"]) });
      if (kind === "warehouse") await updateWarehouse(admin(), { id: from.id, name: from.name, active: Math.random() < 0.6 });
      if (kind === "default") await setDefaultLowStockThreshold(admin(), { threshold: between(2, 9) });
      if (kind === "dashboard") await dashboardLowStock();
      done[kind]++;
    } catch (error) {
      if (!(error instanceof DomainError) || !["Conflict", "OutOfStock", "Invalid"].includes(error.kind)) throw error;
    }
  }
}

describe("the dashboard's low-stock count, kept in low_stock_variants", () => {
  it("equals a recount of every stock row after the catalogue and order-history seed", async () => {
    const counted = await dashboardLowStock();
    expect(counted).toEqual(await recountLowStock(t.db));
    expect(counted.low).toBeGreaterThan(counted.out);
    expect(counted.out).toBeGreaterThan(0);
  });

  it(`equals a recount after ${WORKERS} workers reserve, commit, release, adjust, transfer, change thresholds, products and warehouses at once`, { timeout: 300_000 }, async () => {
    expect(variants).toHaveLength(24);
    const done = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    await Promise.all(Array.from({ length: WORKERS }, () => worker(KINDS, done)));
    for (const kind of KINDS) expect(done[kind], kind).toBeGreaterThan(20);
    expect(await dashboardLowStock()).toEqual(await recountLowStock(t.db));

    // Again without the writes that make the next fold judge every variant, so only the per-variant queue is tested.
    const perVariant = KINDS.filter((k) => k !== "warehouse" && k !== "default");
    await Promise.all(Array.from({ length: WORKERS }, () => worker(perVariant, done)));
    expect(await dashboardLowStock()).toEqual(await recountLowStock(t.db));

    // Every warehouse active again and the default back: two more full recounts, and nothing left queued.
    for (const w of warehouses) await updateWarehouse(admin(), { id: w.id, name: w.name, active: true });
    await setDefaultLowStockThreshold(admin(), { threshold: 5 });
    expect(await dashboardLowStock()).toEqual(await recountLowStock(t.db));
    const [queue] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from low_stock_changes`);
    expect(queue!.n).toBe(0);
  });

  it("moves at the next load after a threshold, a product's status, a variant's product, a warehouse or the default alone changes", async () => {
    const [variant] = variants;
    const otherProduct = variants.find((v) => v.productId !== variant!.productId)!.productId;
    // In stock, above its own threshold, its product active and the other one archived.
    await setProductsStatus(admin(), { ids: [variant!.productId], status: "active" });
    await setProductsStatus(admin(), { ids: [otherProduct], status: "archived" });
    await adjustStock(admin(), { variantId: variant!.id, warehouseId: warehouses[0]!.id, delta: 5, reason: "received" });
    await setLowStockThreshold(admin(), { variantId: variant!.id, threshold: 0 });
    const steps: [string, () => Promise<unknown>][] = [
      ["threshold 1000", () => setLowStockThreshold(admin(), { variantId: variant!.id, threshold: 1000 })],
      ["product archived", () => setProductsStatus(admin(), { ids: [variant!.productId], status: "archived" })],
      ["product active", () => setProductsStatus(admin(), { ids: [variant!.productId], status: "active" })],
      ["variant moved to an archived product", () => t.db.execute(sql`update variants set product_id = ${otherProduct} where id = ${variant!.id}`)],
      ["that product active", () => setProductsStatus(admin(), { ids: [otherProduct], status: "active" })],
      ["threshold back to 0", () => setLowStockThreshold(admin(), { variantId: variant!.id, threshold: 0 })],
      ["warehouse deactivated", () => updateWarehouse(admin(), { ...warehouses[0]!, active: false })],
      ["default threshold 30", () => setDefaultLowStockThreshold(admin(), { threshold: 30 })],
    ];
    let before = await recountLowStock(t.db);
    for (const [step, write] of steps) {
      await write();
      const after = await recountLowStock(t.db);
      expect(after, step).not.toEqual(before);
      expect(await dashboardLowStock(), step).toEqual(after);
      before = after;
    }
  });

  it("is folded every five minutes by a scheduled function, with no dashboard load", async () => {
    const queued = async () => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from low_stock_changes`))[0]!.n;
    const [variant] = variants;
    await setLowStockThreshold(admin(), { variantId: variant!.id, threshold: 1000 });
    expect(await queued()).toBeGreaterThan(0);
    const fold = foldLowStockChanges({ context: (job) => systemContext(t.db, job) });
    expect(fold.trigger).toEqual({ cron: "*/5 * * * *" });
    await fold.handler({ event: { name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }, step: scriptedStep().step });
    expect(await queued()).toBe(0);
    const [row] = await t.db.execute<{ low: number; out: number }>(
      sql`select count(*)::int as low, (count(*) filter (where out))::int as out from low_stock_variants`,
    );
    expect(row).toEqual(await recountLowStock(t.db));
  });
});
