import type { Db } from "@/db/client";
import { insertCategory, insertProduct, insertWarehouse } from "../catalog/test-fixtures";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

/** A small shop for the search tests: a category tree, brands, options, prices, stock on hand and reserved, a draft. */
export async function insertSearchCatalogue(db: Db) {
  const clothing = await insertCategory(db, { slug: "clothing", name: "Clothing", position: 0 });
  const tops = await insertCategory(db, { slug: "tops", name: "Tops", parentId: clothing, position: 0 });
  const shirts = await insertCategory(db, { slug: "shirts", name: "Shirts", parentId: tops });
  const bottoms = await insertCategory(db, { slug: "bottoms", name: "Bottoms", parentId: clothing, position: 1 });
  const home = await insertCategory(db, { slug: "home", name: "Home", position: 1 });
  const audio = await insertCategory(db, { slug: "audio", name: "Audio", position: 2 });
  const [east, west] = [await insertWarehouse(db), await insertWarehouse(db)];
  const stock = (warehouseId: number, onHand: number, reserved = 0) => [{ warehouseId, onHand, reserved }];

  const products = {
    oxford: await insertProduct(db, {
      title: "Oxford Shirt", brand: "Harbour", categoryId: shirts, createdAt: day(1),
      variants: [
        { optionValues: { size: "M", colour: "Navy" }, priceAmount: 4500, stock: stock(east, 3) },
        { optionValues: { size: "L", colour: "Navy" }, priceAmount: 4900, compareAtAmount: 5900, stock: stock(east, 0) },
      ],
    }),
    linen: await insertProduct(db, {
      title: "Linen Shirt", brand: "Coastal", categoryId: shirts, createdAt: day(2),
      variants: [{ optionValues: { size: "S", colour: "White" }, priceAmount: 3900, stock: stock(east, 2, 2) }],
    }),
    jumper: await insertProduct(db, {
      title: "Wool Jumper", brand: "Harbour", categoryId: tops, createdAt: day(3), description: "A warm shirt-collar jumper",
      variants: [{ optionValues: { size: "M", colour: "Grey" }, priceAmount: 8900, stock: stock(west, 5) }],
    }),
    chinos: await insertProduct(db, {
      title: "Chinos", brand: "Coastal", categoryId: bottoms, createdAt: day(4),
      variants: [
        { optionValues: { size: "L", colour: "Navy" }, priceAmount: 5500, compareAtAmount: 6900, stock: stock(west, 1) },
        { optionValues: { size: "M", colour: "Navy" }, priceAmount: 5500, compareAtAmount: 7500, stock: stock(west, 4) },
      ],
    }),
    mug: await insertProduct(db, { title: "Ceramic Mug", brand: "Potter", categoryId: home, createdAt: day(5), variants: [{ priceAmount: 1200, stock: stock(east, 10) }] }),
    teapot: await insertProduct(db, { title: "Stoneware Teapot", brand: "Potter", categoryId: home, createdAt: day(6), variants: [{ priceAmount: 3400 }] }),
    headphones: await insertProduct(db, {
      title: "Over-Ear Headphones", brand: "Sonora", categoryId: audio, createdAt: day(7), description: "Closed back, wool-felt cushions",
      variants: [
        { sku: "AUD-000042-1", optionValues: { colour: "Black" }, priceAmount: 19900, stock: stock(east, 2) },
        { sku: "AUD-000042-2", optionValues: { colour: "White" }, priceAmount: 21900 },
      ],
    }),
    speaker: await insertProduct(db, { title: "Bluetooth Speaker", brand: "Sonora", categoryId: audio, createdAt: day(8), variants: [{ sku: "AUD-000077-1", optionValues: { colour: "Black" }, priceAmount: 7900, stock: stock(west, 6) }] }),
    tee: await insertProduct(db, {
      title: "Linen Tee", brand: "Harbour", categoryId: tops, createdAt: day(9),
      variants: [{ optionValues: { size: "S", colour: "Navy" }, priceAmount: 2500, stock: stock(west, 7) }, { optionValues: { size: "M", colour: "Navy" }, priceAmount: 2500 }],
    }),
    draft: await insertProduct(db, { title: "Draft Shirt", brand: "Harbour", categoryId: shirts, status: "draft", variants: [{ stock: stock(east, 9) }] }),
    archived: await insertProduct(db, { title: "Archived Shirt", brand: "Harbour", categoryId: shirts, status: "archived" }),
  };
  return { products, warehouses: { east, west }, categories: { clothing, tops, shirts, bottoms, home, audio } };
}
