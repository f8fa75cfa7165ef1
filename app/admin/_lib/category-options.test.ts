import { expect, it } from "vitest";
import { categoryOptions } from "./category-options";

it("flattens the tree depth-first with indentation by depth", () => {
  const leaf = (id: number, name: string) => ({ id, slug: name.toLowerCase(), name, children: [] });
  const tree = [
    { id: 1, slug: "clothing", name: "Clothing", children: [{ ...leaf(2, "Shirts"), children: [leaf(3, "Linen")] }, leaf(4, "Knitwear")] },
    leaf(5, "Home"),
  ];
  expect(categoryOptions(tree)).toEqual([
    { id: 1, label: "Clothing" },
    { id: 2, label: "\u00a0\u00a0\u00a0Shirts" },
    { id: 3, label: "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Linen" },
    { id: 4, label: "\u00a0\u00a0\u00a0Knitwear" },
    { id: 5, label: "Home" },
  ]);
});
