import { describe, expect, it } from "vitest";
import { placeErrors } from "./form-errors";
import { draftFromProduct, emptyDraft, emptyVariant, slugify, type ProductDraft } from "./product-draft";
import { attributeErrorsToRows, inputPaths, validateDraft } from "./validate-draft";

function shirtDraft(): ProductDraft {
  return {
    ...emptyDraft(),
    slug: "linen-shirt",
    title: " Linen shirt ",
    brand: "Ardent",
    categoryId: "3",
    status: "active",
    attributes: [
      { key: "a", first: "Material", second: "Linen" },
      { key: "b", first: "", second: "" },
    ],
    options: [{ key: "o", first: "Size", second: "S, M , ,L" }],
    variants: [
      { ...emptyVariant(), sku: "LS-S", title: "S", optionValues: { size: "S" }, price: "49.90", compareAt: "59", weightGrams: "210" },
      { ...emptyVariant(), sku: "LS-M", title: "M", optionValues: { size: "M", colour: "stale" }, price: "0.29" },
    ],
    images: [{ key: "i", first: "https://img.test/1.jpg", second: "Front" }],
  };
}

describe("validateDraft", () => {
  it("turns the typed text into a ProductInput with integer minor units", () => {
    const result = validateDraft(shirtDraft());
    expect(result).toEqual({
      ok: true,
      input: {
        slug: "linen-shirt",
        title: "Linen shirt",
        description: "",
        brand: "Ardent",
        categoryId: 3,
        status: "active",
        requiresShipping: true,
        attributes: { Material: "Linen" },
        options: [{ name: "Size", values: ["S", "M", "L"] }],
        variants: [
          { sku: "LS-S", title: "S", optionValues: { size: "S" }, priceAmount: 4990, currency: "USD", compareAtAmount: 5900, weightGrams: 210 },
          { sku: "LS-M", title: "M", optionValues: { size: "M" }, priceAmount: 29, currency: "USD", compareAtAmount: null, weightGrams: 0 },
        ],
        images: [{ url: "https://img.test/1.jpg", alt: "Front" }],
      },
    });
  });

  it("reports each problem at the path of the input that holds it", () => {
    const draft = shirtDraft();
    draft.slug = "Linen Shirt";
    draft.categoryId = "";
    draft.attributes.push({ key: "c", first: "Material", second: "Cotton" });
    draft.variants[1] = { ...draft.variants[1]!, price: "12.345" };
    const result = validateDraft(draft);
    expect(result).toEqual({
      ok: false,
      errors: {
        slug: "Slug may contain lower-case letters, digits and dashes",
        categoryId: "Choose a category",
        "attributes.2.name": 'Attribute "Material" appears twice',
        "variants.1.priceAmount": "Use at most 2 decimal places",
      },
    });
  });

  it("reports the schema's cross-field checks once the fields themselves are valid", () => {
    const draft = shirtDraft();
    draft.variants[1] = { ...draft.variants[1]!, sku: "LS-S", optionValues: {} };
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      "variants.1.sku": "SKU LS-S is already used by variant 1",
      "variants.1.optionValues.size": "Choose a size",
    });
    expect(placeErrors(result.errors, inputPaths(draft)).unplaced).toEqual([]);
  });

  it("keeps variant ids so the server updates instead of creating", () => {
    const draft = draftFromProduct({
      id: 9,
      slug: "mug",
      title: "Mug",
      description: "",
      brand: "Kiln",
      categoryId: 2,
      status: "draft",
      requiresShipping: true,
      attributes: { Capacity: "350 ml" },
      options: [],
      variants: [{ id: 41, sku: "MUG-1", title: "Mug", optionValues: {}, priceAmount: 1205, currency: "USD", compareAtAmount: null, weightGrams: 300 }],
      images: [],
    });
    expect(draft.variants[0]).toMatchObject({ id: 41, price: "12.05", compareAt: "", weightGrams: "300" });
    const result = validateDraft(draft);
    expect(result.ok && result.input.variants[0]).toMatchObject({ id: 41, priceAmount: 1205 });
  });
});

describe("attributeErrorsToRows", () => {
  it("moves errors on an attribute key to that row's name input", () => {
    const draft = shirtDraft();
    expect(attributeErrorsToRows({ "attributes.Material": "Too long", slug: "Taken" }, draft)).toEqual({
      "attributes.0.name": "Too long",
      slug: "Taken",
    });
  });
});

describe("slugify", () => {
  it("suggests a lower-case kebab slug", () => {
    expect(slugify("Linen Shirt – Navy!")).toBe("linen-shirt-navy");
    expect(slugify("  Café Crème  ")).toBe("cafe-creme");
    expect(slugify("***")).toBe("");
  });
});
