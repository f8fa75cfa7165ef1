import { expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { createCaller } from "../trpc/root";
import { insertCategory } from "./test-fixtures";

const t = useTestDatabase();

it("returns the categories as a tree, roots and siblings in position order", async () => {
  const api = createCaller({ db: t.db, actor: { type: "anonymous" } }).catalog;
  expect(await api.categoryTree()).toEqual([]);
  const home = await insertCategory(t.db, { slug: "home", name: "Home", position: 2 });
  const clothing = await insertCategory(t.db, { slug: "clothing", name: "Clothing", position: 1 });
  const bottoms = await insertCategory(t.db, { slug: "bottoms", name: "Bottoms", parentId: clothing, position: 2 });
  const tops = await insertCategory(t.db, { slug: "tops", name: "Tops", parentId: clothing, position: 1 });
  const shirts = await insertCategory(t.db, { slug: "shirts", name: "Shirts", parentId: tops });

  expect(await api.categoryTree()).toEqual([
    {
      id: clothing, slug: "clothing", name: "Clothing",
      children: [
        { id: tops, slug: "tops", name: "Tops", children: [{ id: shirts, slug: "shirts", name: "Shirts", children: [] }] },
        { id: bottoms, slug: "bottoms", name: "Bottoms", children: [] },
      ],
    },
    { id: home, slug: "home", name: "Home", children: [] },
  ]);
});
