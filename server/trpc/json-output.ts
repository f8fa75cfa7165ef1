import superjson from "superjson";
import type { SuperJSONResult } from "superjson";

const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Collects the path of every Date under `value` into `dates`; false when the value holds anything beyond plain objects,
 * arrays, strings, finite numbers, booleans, null and valid Dates, or reaches an object twice (superjson records that).
 * `at` holds the keys leading to `value`: a path is written only for a Date, most answers have none.
 */
function plainWithDates(value: unknown, at: (string | number)[], dates: string[], seen: Set<object>): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object" || seen.has(value)) return false;
  seen.add(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Date.prototype) {
    if (Number.isNaN((value as Date).getTime())) return false;
    dates.push(at.map((key) => (typeof key === "string" ? escapeKey(key) : key)).join("."));
    return true;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      if (!plainWithDates(value[i], at, dates, seen)) return false;
      at.pop();
    }
    return true;
  }
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    at.push(key);
    if (!plainWithDates((value as Record<string, unknown>)[key], at, dates, seen)) return false;
    at.pop();
  }
  return true;
}

/**
 * superjson.serialize's exact output, made without its generic walk for what procedures return: plain data whose only
 * special values are Dates. The JSON part is the value itself (JSON.stringify writes a Date as its ISO string, as
 * superjson does), so nothing is copied. Anything else (undefined, Map, BigInt, a shared object…) goes to superjson.
 */
export function serializeOutput(value: unknown): SuperJSONResult {
  const dates: string[] = [];
  const isRoot = value !== null && typeof value === "object" && Object.getPrototypeOf(value) !== Date.prototype;
  if (!isRoot || !plainWithDates(value, [], dates, new Set())) return superjson.serialize(value);
  if (!dates.length) return { json: value as SuperJSONResult["json"] };
  const values: Record<string, ["Date"]> = {};
  for (const path of dates) values[path] = ["Date"];
  return { json: value as SuperJSONResult["json"], meta: { values, v: 1 } };
}
