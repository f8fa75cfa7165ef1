import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "@/test/db";
import type { Actor } from "../context";
import { insertUser, setSigningEnv } from "../orders/test-fixtures";
import { appRouter, createCaller } from "./root";

const t = useTestDatabase();
let admin: Actor;

beforeAll(async () => {
  // Procedures that sign or verify links read the validated environment, as they do in the app.
  setSigningEnv();
  admin = { type: "admin", userId: await insertUser(t.db, "admin") };
});

/** Numbers no column of ours holds: past int4, past 2^53, negative, huge, not finite, fractional. */
const OUT_OF_RANGE = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, -1, 1e300, NaN, Infinity, -Infinity, 1.5];

// Tried in order wherever a schema wants a string; the first its checks accept is used.
const STRINGS = [
  "fuzz",
  "USD",
  // A country whose addresses take any postal code ("fuzz"): the per-country rules would refuse it in GB.
  "SE",
  "GB",
  "00000000-0000-4000-8000-000000000000",
  "fuzz@shop.test",
  "https://images.test/fuzz.jpg",
  "+44 20 7946 0000",
  "fuzz-fuzz-1234",
  "2026-12-03",
];
const NUMBERS = [1, 0];

type Schema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
}

/** A value the schema accepts, with every optional field present so its numbers are fuzzed too. */
function sample(schema: Schema): unknown {
  const def = schema._zod.def as unknown as Def;
  const firstAccepted = (candidates: unknown[]) => candidates.find((c) => schema.safeParse(c).success);
  switch (def.type) {
    case "object": {
      const full = Object.fromEntries(Object.entries(def.shape!).map(([key, field]) => [key, sample(field)]));
      // A refinement that forbids two optional fields together (page and cursor, lines and amount): leave one out.
      const optional = Object.keys(full).filter((key) => def.shape![key]!.safeParse(undefined).success);
      const withoutOne = optional.map((key) => Object.fromEntries(Object.entries(full).filter(([k]) => k !== key)));
      return firstAccepted([full, ...withoutOne]) ?? full;
    }
    case "array": {
      const one = [sample(def.element!)];
      return firstAccepted([[], one]) ?? one;
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      return sample(def.innerType!);
    case "pipe": {
      const inner = sample(def.in!);
      return firstAccepted([inner, ...STRINGS]) ?? inner;
    }
    case "union":
      return sample(def.options![0]!);
    case "enum":
      return Object.values(def.entries!)[0];
    case "literal":
      return def.values![0];
    case "record":
      return {};
    case "boolean":
      return false;
    case "number":
      return firstAccepted(NUMBERS) ?? 1;
    case "string":
      return firstAccepted(STRINGS) ?? STRINGS[0];
    default:
      return undefined;
  }
}

/** The paths of every number in a value: ["variants", 0, "priceAmount"]. */
function numberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "number") return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => numberPaths(item, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => numberPaths(item, [...path, key]));
  return [];
}

function withValueAt(base: unknown, path: (string | number)[], replacement: number): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
  const inputs = (procedure as unknown as { _def: { inputs: Schema[] } })._def.inputs;
  if (inputs.length > 1) throw new Error(`${path} chains several inputs: teach this test to merge them`);
  const schema = inputs[0];
  return { path, schema, base: schema ? sample(schema) : undefined };
});

/** Calls one procedure as an admin; answers "ok" or the tRPC code it failed with. */
async function call(path: string, input: unknown): Promise<string> {
  const caller = createCaller({ db: t.db, actor: admin, guestCartId: null, setGuestCartId: () => {} });
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await procedure(input);
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("numeric inputs out of range", () => {
  it("builds a base input each procedure's schema accepts, so a refusal below is the fuzzed number's doing", () => {
    const refused = procedures.filter((p) => p.schema && !p.schema.safeParse(p.base).success).map((p) => p.path);
    expect(refused).toEqual([]);
  });

  it.each(procedures.map((p) => [p.path, p] as const))("%s answers no out-of-range number with a 500", async (_path, { path, base }) => {
    const answers = [`base: ${await call(path, base)}`];
    for (const numberPath of numberPaths(base)) {
      for (const value of OUT_OF_RANGE) {
        answers.push(`${numberPath.join(".")} = ${value}: ${await call(path, withValueAt(base, numberPath, value))}`);
      }
    }
    expect(answers.filter((answer) => answer.endsWith("INTERNAL_SERVER_ERROR"))).toEqual([]);
  });
});
