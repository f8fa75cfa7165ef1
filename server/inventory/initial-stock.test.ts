import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { adminCaller, clientError, seedCatalogBasics, shirtInput } from "../catalog/admin-test-fixtures";
import { findVariantStock } from "../cart/variant-stock";
import { setSigningEnv } from "../orders/test-fixtures";

const t = useTestDatabase();
let basics: Awaited<ReturnType<typeof seedCatalogBasics>>;

beforeAll(async () => {
  setSigningEnv();
  basics = await seedCatalogBasics(t.db);
});

describe("a product created in admin with initial stock", () => {
  it("is buyable: its units are on hand, received in the ledger by the admin", async () => {
    const [east, west] = basics.warehouseIds as [number, number];
    const input = shirtInput(basics.categoryId, "stocked-shirt");
    input.variants[0]!.initialStock = [
      { warehouseId: east, onHand: 5 },
      { warehouseId: west, onHand: 0 },
    ];
    const { id } = await adminCaller(t.db).adminProducts.create(input);
    const { variants } = await adminCaller(t.db).adminProducts.get({ id });
    const [m, l] = variants.map((v) => v.id!) as [number, number];
    expect(await findVariantStock({ db: t.db, actor: { type: "anonymous" } }, m)).toMatchObject({ available: 5 });
    expect(await findVariantStock({ db: t.db, actor: { type: "anonymous" } }, l)).toMatchObject({ available: 0 });
    const moves = await t.db.execute(sql`
      select warehouse_id as "warehouseId", on_hand_delta as "onHand", reason, note, actor_id as "actorId" from stock_movements where variant_id = ${m}`);
    expect([...moves]).toEqual([{ warehouseId: east, onHand: 5, reason: "received", note: "initial stock", actorId: "admin-1" }]);
  });

  it("refuses a warehouse named twice, or one that does not exist, and saves nothing", async () => {
    const [east] = basics.warehouseIds as [number];
    const twice = shirtInput(basics.categoryId, "twice-shirt");
    twice.variants[0]!.initialStock = [
      { warehouseId: east, onHand: 1 },
      { warehouseId: east, onHand: 2 },
    ];
    const error = await clientError(adminCaller(t.db).adminProducts.create(twice));
    expect(error.zodIssues).toEqual([{ path: ["variants", "0", "initialStock", "1", "warehouseId"], message: "This warehouse appears twice" }]);
    const nowhere = shirtInput(basics.categoryId, "nowhere-shirt");
    nowhere.variants[0]!.initialStock = [{ warehouseId: 999_999, onHand: 1 }];
    expect((await clientError(adminCaller(t.db).adminProducts.create(nowhere))).code).toBe("NOT_FOUND");
    const [row] = await t.db.execute<{ count: number }>(sql`select count(*)::int as count from products where slug = 'nowhere-shirt'`);
    expect(row!.count).toBe(0);
  });
});
