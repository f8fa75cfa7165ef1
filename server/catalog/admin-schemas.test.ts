import { beforeAll, describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { INT4_MAX, MAX_CHARGE_AMOUNT } from "../limits";
import type { ProductInput } from "./admin-schemas";
import { adminCaller, clientError, seedCatalogBasics, shirtInput } from "./admin-test-fixtures";

const t = useTestDatabase();
let categoryId: number;

beforeAll(async () => {
  ({ categoryId } = await seedCatalogBasics(t.db));
});

type Case = [string, (input: ProductInput) => unknown, string[], RegExp];

const cases: Case[] = [
  ["a negative price", (p) => (p.variants[0]!.priceAmount = -1), ["variants", "0", "priceAmount"], /whole number of cents ≥ 0/],
  ["a fractional price", (p) => (p.variants[1]!.priceAmount = 12.5), ["variants", "1", "priceAmount"], /whole number of cents/],
  ["a price no payment could take", (p) => (p.variants[0]!.priceAmount = MAX_CHARGE_AMOUNT + 1), ["variants", "0", "priceAmount"], /at most 99999999 minor units/],
  ["a compare-at price past the limit", (p) => (p.variants[1]!.compareAtAmount = 2 ** 31), ["variants", "1", "compareAtAmount"], /at most 99999999/],
  ["a weight past int4", (p) => (p.variants[0]!.weightGrams = INT4_MAX + 1), ["variants", "0", "weightGrams"], /at most 2147483647 grams/],
  ["a category id past int4", (p) => (p.categoryId = INT4_MAX + 1), ["categoryId"], /Choose a category/],
  ["a lower-case currency", (p) => (p.variants[0]!.currency = "eur"), ["variants", "0", "currency"], /three-letter ISO code/],
  ["mixed currencies", (p) => (p.variants[1]!.currency = "USD"), ["variants", "1", "currency"], /same currency/],
  ["no variants", (p) => (p.variants = []), ["variants"], /at least one variant/],
  ["a slug with capitals and spaces", (p) => (p.slug = "Oxford Shirt"), ["slug"], /lower-case letters, digits and dashes/],
  ["an unknown field", (p) => Object.assign(p, { price: 100 }), [], /price/],
  ["an unknown variant field", (p) => Object.assign(p.variants[0]!, { stock: 3 }), ["variants", "0"], /stock/],
  ["a SKU repeated in the form", (p) => (p.variants[1]!.sku = p.variants[0]!.sku), ["variants", "1", "sku"], /already used by variant 1/],
  ["an undeclared option value", (p) => (p.variants[1]!.optionValues = { size: "XL" }), ["variants", "1", "optionValues", "size"], /XL is not one/],
  ["a missing option value", (p) => (p.variants[0]!.optionValues = {}), ["variants", "0", "optionValues", "size"], /Choose a size/],
  ["an unknown option", (p) => (p.variants[0]!.optionValues = { size: "M", colour: "Red" }), ["variants", "0", "optionValues", "colour"], /not an option/],
  ["two variants with the same options", (p) => (p.variants[1]!.optionValues = { size: "M" }), ["variants", "1", "optionValues"], /Another variant/],
  ["an empty title", (p) => (p.title = "  "), ["title"], /Title is required/],
];

describe("ProductInput validation through adminProducts.create", () => {
  it.each(cases)("rejects %s with BAD_REQUEST naming the field", async (_name, spoil, path, message) => {
    const input = shirtInput(categoryId);
    spoil(input);
    const error = await clientError(adminCaller(t.db).adminProducts.create(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.zodIssues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await t.db.select().from(products)).toHaveLength(0);
  });

  it("rejects the same field errors in update, which also needs an id", async () => {
    const input = { ...shirtInput(categoryId), id: 0 };
    input.variants[0]!.priceAmount = -5;
    const error = await clientError(adminCaller(t.db).adminProducts.update(input));
    expect(error.zodIssues?.map((i) => i.path)).toEqual(expect.arrayContaining([["id"], ["variants", "0", "priceAmount"]]));
  });
});
