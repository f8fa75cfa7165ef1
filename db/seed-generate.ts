import { CATALOG, type LeafSpec, type OptionSpec } from "./seed-data";
import { Random } from "./seed-random";

/** Every seeded timestamp is an offset back from this date, so two runs write identical rows. */
export const SEED_BASE_DATE = new Date("2026-11-01T00:00:00Z");
const SEED = 20261101;
const DAY_MS = 86_400_000;
const MAX_VARIANTS = 6;

export interface CategoryPlan {
  slug: string;
  name: string;
  parentSlug: string | null;
  position: number;
}

export interface VariantPlan {
  sku: string;
  title: string;
  optionValues: Record<string, string>;
  priceAmount: number;
  compareAtAmount: number | null;
  weightGrams: number;
  /** On hand in the east and west warehouses. */
  onHand: [number, number];
}

export interface ProductPlan {
  slug: string;
  title: string;
  description: string;
  brand: string;
  categorySlug: string;
  attributes: Record<string, string>;
  status: "draft" | "active" | "archived";
  createdAt: Date;
  updatedAt: Date;
  options: { name: string; values: string[] }[];
  variants: VariantPlan[];
  imageAlts: string[];
}

export function planCategories(): CategoryPlan[] {
  return CATALOG.flatMap((root, i) => [
    { slug: root.slug, name: root.name, parentSlug: null, position: i },
    ...root.children.map((leaf, j) => ({ slug: leaf.slug, name: leaf.name, parentSlug: root.slug, position: j })),
  ]);
}

const LEAVES = CATALOG.flatMap((root) =>
  root.children.map((leaf) => ({ root, leaf, attributes: Object.entries({ ...root.attributes, ...leaf.attributes }) })),
);

type Leaf = (typeof LEAVES)[number];

/** The same count always yields the same products, and a longer run starts with the products of a shorter one. */
export function planProducts(count: number): ProductPlan[] {
  return [...planProductChunks(count, count)].flat();
}

/** The products of planProducts(count) in chunks of `size`, so a million-product seed never holds them all at once. */
export function* planProductChunks(count: number, size: number): Generator<ProductPlan[]> {
  const random = new Random(SEED);
  const slugs = new Map<string, number>();
  for (let start = 0; start < count; start += size) {
    yield Array.from({ length: Math.min(size, count - start) }, (_, i) => planProduct(random, start + i, random.pick(LEAVES), slugs));
  }
}

function planProduct(random: Random, index: number, { root, leaf, attributes: attributeValues }: Leaf, slugs: Map<string, number>): ProductPlan {
  const brand = random.pick(root.brands);
  const name = `${root.titlePrefix ?? brand} ${random.pick(leaf.adjectives)} ${random.pick(leaf.nouns)}`;
  const title = name + random.pick(leaf.qualifiers);
  const fill = (template: string) => template.replace("{name}", name).replace("{brand}", brand);
  const description = [
    fill(random.pick(root.openers)),
    ...random.sample(leaf.pitches, random.int(1, 2)),
    ...(random.chance(0.5) ? [random.pick(root.closers)] : []),
  ].join(" ");
  const attributes = Object.fromEntries(attributeValues.map(([key, values]) => [key, random.pick(values)]));
  const roll = random.next();
  const status = roll < 0.95 ? "active" : roll < 0.98 ? "draft" : "archived";
  const createdAt = new Date(SEED_BASE_DATE.getTime() - random.int(1, 365 * 24 * 60) * 60_000);
  const updatedAt = new Date(Math.min(SEED_BASE_DATE.getTime(), createdAt.getTime() + random.int(0, 60) * DAY_MS));

  const chosen = chooseOptions(random, leaf.options);
  const variants = planVariants(random, leaf, chosen, `${leaf.sku}-${String(index + 1).padStart(6, "0")}`);
  const colour = variants[0]?.optionValues.colour;
  const imageAlts = root.views.slice(0, random.int(1, 4)).map((view) => `${title}${colour ? ` in ${colour}` : ""}, ${view}`);
  return {
    slug: uniqueSlug(title, slugs),
    title,
    description,
    brand,
    categorySlug: leaf.slug,
    attributes,
    status,
    createdAt,
    updatedAt,
    options: chosen.map(({ spec, picked }) => ({ name: spec.name, values: picked.map((i) => spec.values[i] as string) })),
    variants,
    imageAlts,
  };
}

interface ChosenOption {
  spec: OptionSpec;
  picked: number[];
}

/** Picks values per option so that the number of combinations (variants) stays within 1..MAX_VARIANTS. */
function chooseOptions(random: Random, specs: OptionSpec[]): ChosenOption[] {
  let budget = random.int(1, MAX_VARIANTS);
  return specs.map((spec) => {
    const k = random.int(1, Math.min(spec.values.length, budget));
    budget = Math.floor(budget / k);
    return { spec, picked: random.indices(spec.values.length, k, spec.consecutive) };
  });
}

function planVariants(random: Random, leaf: LeafSpec, chosen: ChosenOption[], skuStem: string): VariantPlan[] {
  const [minPrice, maxPrice] = leaf.price;
  // The dearest combination (1 TB, 100 ml...) should still land inside the category's range rather than pile up at its ceiling.
  const topFactor = chosen.reduce((f, { spec, picked }) => f * Math.max(...picked.map((i) => spec.priceFactors?.[i] ?? 1)), 1);
  const ceiling = Math.max(minPrice, maxPrice / topFactor);
  const basePrice = Math.exp(Math.log(minPrice) + random.next() * (Math.log(ceiling) - Math.log(minPrice)));
  const baseWeight = random.int(...leaf.weight);
  const markup = random.chance(0.15) ? 1.2 + random.next() * 0.3 : null;
  const combinations = chosen.reduce<number[][]>((acc, { picked }) => acc.flatMap((prefix) => picked.map((i) => [...prefix, i])), [[]]);

  const productOutOfStock = random.chance(0.04);
  return combinations.map((combination, position) => {
    const factor = (key: "priceFactors" | "weightFactors") =>
      combination.reduce((product, valueIndex, optionIndex) => product * (chosen[optionIndex]?.spec[key]?.[valueIndex] ?? 1), 1);
    const priceAmount = Math.min(maxPrice, Math.max(minPrice, charm(basePrice * factor("priceFactors"))));
    const values = combination.map((valueIndex, optionIndex) => {
      const spec = chosen[optionIndex]?.spec as OptionSpec;
      return [spec.name.toLowerCase(), spec.values[valueIndex] as string] as const;
    });
    return {
      sku: `${skuStem}-${position + 1}`,
      title: values.map(([, value]) => value).join(" / "),
      optionValues: Object.fromEntries(values),
      priceAmount,
      compareAtAmount: markup ? charm(priceAmount * markup) : null,
      weightGrams: Math.round(baseWeight * factor("weightFactors")),
      onHand: productOutOfStock || random.chance(0.08) ? [0, 0] : stockedLevels(random),
    };
  });
}

function stockedLevels(random: Random): [number, number] {
  const east = random.chance(0.15) ? 0 : random.int(1, 120);
  const west = random.chance(0.2) ? 0 : random.int(1, 120);
  return east + west === 0 ? [random.int(1, 120), 0] : [east, west];
}

/** A shop price ending in .99, e.g. 2437.5 cents -> 2399. */
function charm(cents: number): number {
  return Math.max(99, Math.round(cents / 100) * 100 - 1);
}

/** A slug from the title; a repeated title gets -2, -3... (`taken` maps each used slug to the next suffix to try). */
function uniqueSlug(title: string, taken: Map<string, number>): string {
  const ascii = /[^\x00-\x7f]/.test(title) ? title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : title;
  const base = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  let slug = base;
  for (let n = taken.get(base) ?? 2; taken.has(slug); n++) {
    slug = `${base}-${n}`;
    taken.set(base, n + 1);
  }
  taken.set(slug, 2);
  return slug;
}
