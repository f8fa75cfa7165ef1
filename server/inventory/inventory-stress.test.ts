import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { stockedLevelsDrift } from "../catalog/test-stocked-levels";
import { insertVariant, seedShop } from "../checkout/checkout-test-fixtures";
import type { ServiceContext } from "../context";
import { DomainError } from "../errors";
import { setSigningEnv } from "../orders/test-fixtures";
import { adjustStock, setOnHand } from "./adjust-stock";
import { heldReservations } from "./test-held-reservations";
import { transferStock } from "./transfer-stock";

const WORKERS = 16;
const OPERATIONS = 10_000;
const t = useTestDatabase({ max: WORKERS + 4 });
let shop: Awaited<ReturnType<typeof seedShop>>;
const variantIds: number[] = [];
const admin = (): ServiceContext => ({ db: t.db, actor: { type: "admin", userId: "stress-admin" } });

beforeAll(async () => {
  setSigningEnv();
  shop = await seedShop(t.db);
  for (let i = 0; i < 6; i++) {
    variantIds.push(await insertVariant(t.db, shop.categoryId, { stock: [{ warehouseId: shop.east, onHand: 20 }, { warehouseId: shop.west, onHand: 20 }] }));
  }
});

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
type Kind = "adjust" | "set" | "transfer" | "reserve" | "commit" | "release";

/** One worker: random stock operations; refusals (not enough stock) are expected, anything else fails the test. */
async function worker(count: number, done: Record<Kind, number>, refused: Record<Kind, number>) {
  const held = heldReservations(t.db, admin(), "stress");
  for (let i = 0; i < count; i++) {
    const variantId = pick(variantIds);
    const [from, to] = Math.random() < 0.5 ? [shop.east, shop.west] : [shop.west, shop.east];
    const kind = pick<Kind>(["adjust", "set", "transfer", "reserve", "reserve", "commit", "release"]);
    try {
      if (kind === "adjust") await adjustStock(admin(), { variantId, warehouseId: from, delta: pick([-3, -2, -1, 1, 2, 3]), reason: "count correction" });
      if (kind === "set") await setOnHand(admin(), { variantId, warehouseId: from, onHand: between(0, 30), reason: "count correction" });
      if (kind === "transfer") await transferStock(admin(), { variantId, fromWarehouseId: from, toWarehouseId: to, quantity: between(1, 3) });
      if (kind === "reserve") await held.reserve([{ variantId, quantity: between(1, 4) }, { variantId: pick(variantIds), quantity: between(1, 2) }]);
      if ((kind === "commit" || kind === "release") && !(await held.settle(kind))) continue;
      done[kind]++;
    } catch (error) {
      if (!(error instanceof DomainError) || !["Conflict", "OutOfStock"].includes(error.kind)) throw error;
      refused[kind]++;
    }
  }
}

describe("inventory under concurrent writers", () => {
  it(`${OPERATIONS} random adjustments, counts, transfers, reservations, commits and releases from ${WORKERS} workers keep every level equal to its ledger`, { timeout: 600_000 }, async () => {
    const zero = () => ({ adjust: 0, set: 0, transfer: 0, reserve: 0, commit: 0, release: 0 });
    const done = zero();
    const refused = zero();
    await Promise.all(Array.from({ length: WORKERS }, () => worker(OPERATIONS / WORKERS, done, refused)));

    // Every kind of write happened many times, and refusals happened too (the stock ran short under contention).
    for (const kind of Object.keys(done) as Kind[]) expect(done[kind], kind).toBeGreaterThan(200);
    expect(refused.reserve + refused.adjust + refused.set + refused.transfer).toBeGreaterThan(0);

    const broken = await t.db.execute(sql`
      select s.variant_id, s.warehouse_id, s.on_hand, s.reserved, m.on_hand as ledger_on_hand, m.reserved as ledger_reserved, r.active as held
        from stock_levels s
        left join (select variant_id, warehouse_id, sum(on_hand_delta)::int as on_hand, sum(reserved_delta)::int as reserved
                     from stock_movements group by 1, 2) m using (variant_id, warehouse_id)
        left join (select variant_id, warehouse_id, sum(quantity)::int as active
                     from stock_reservations where status = 'active' group by 1, 2) r using (variant_id, warehouse_id)
       where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0) or s.reserved <> coalesce(r.active, 0)
          or s.on_hand < 0 or s.reserved < 0 or s.reserved > s.on_hand`);
    expect([...broken]).toEqual([]);
    const [levels] = await t.db.execute<{ rows: number }>(sql`select count(*)::int as rows from stock_levels`);
    expect(levels!.rows).toBe(variantIds.length * 2);
    // The in-stock counter the storefront filters on, kept by triggers through all of the above.
    expect(await stockedLevelsDrift(t.db)).toEqual([]);
  });
});
