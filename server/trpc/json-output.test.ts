import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeOutput } from "./json-output";

const shared = { a: 1 };
const card = (id: number) => ({ id, slug: `tee-${id}`, priceMin: 1500, compareAt: null, inStock: id % 2 === 0, createdAt: new Date(Date.UTC(2026, 0, id)) });

const cases: [string, unknown][] = [
  ["a page of cards with dates", { items: [card(1), card(2)], nextCursor: null }],
  ["facets without dates", { total: 3, brands: [{ value: "Acme", count: 3 }], price: { min: null, max: 900, currency: "USD" } }],
  ["keys with dots and backslashes", { "a.b": { "c\\d": new Date(0) }, list: [[new Date(1)]] }],
  ["an empty object and array", { o: {}, l: [] }],
  ["a null-prototype object", Object.assign(Object.create(null) as object, { when: new Date(5) })],
  ["a top-level array", [new Date(2), "x", 1]],
  ["a top-level Date", new Date(3)],
  ["a top-level string", "plain"],
  ["null", null],
  ["undefined in an object", { didYouMean: undefined, n: 1 }],
  ["undefined in an array", [undefined, 1]],
  ["special numbers", { nan: Number.NaN, inf: Infinity, negZero: -0 }],
  ["a bigint", { n: 10n }],
  ["a Map and a Set", { m: new Map([["k", 1]]), s: new Set([1]) }],
  ["an invalid Date", { d: new Date(Number.NaN) }],
  ["an object reached twice", { p: shared, q: shared }],
  ["a class instance", { u: new URL("https://shop.test/a") }],
  ["an Error", { e: new Error("x") }],
];

describe("serializeOutput", () => {
  it.each(cases)("answers what superjson.serialize does for %s, and the client reads the same back", (_, value) => {
    // Compared as sent: the JSON text the response carries.
    const ours = JSON.parse(JSON.stringify(serializeOutput(value))) as ReturnType<typeof superjson.serialize>;
    const theirs = JSON.parse(JSON.stringify(superjson.serialize(value))) as ReturnType<typeof superjson.serialize>;
    expect(ours).toEqual(theirs);
    expect(superjson.deserialize(ours)).toEqual(superjson.deserialize(theirs));
  });

  it("reads plain data with dates back as it was", () => {
    const value = { items: [card(1), card(2)], nextCursor: "c" };
    expect(superjson.deserialize(JSON.parse(JSON.stringify(serializeOutput(value))) as ReturnType<typeof superjson.serialize>)).toEqual(value);
  });

  it("refuses what superjson refuses (a prototype-polluting key)", () => {
    const value = JSON.parse('{"ok": 1, "__proto__": {"x": 1}}') as unknown;
    expect(() => superjson.serialize(value)).toThrow();
    expect(() => serializeOutput(value)).toThrow();
  });
});
