import { z } from "zod";
import { invalid } from "../errors";
import { INT4_MAX } from "../limits";
import type { CatalogSort } from "./schemas";

const id = z.int().min(1).max(INT4_MAX);

/** The last row's sort key: created_at in epoch microseconds, price_min, or the float8 text-search rank. */
const CursorPayload = z.discriminatedUnion("s", [
  z.strictObject({ s: z.literal("newest"), k: z.int(), id }),
  z.strictObject({ s: z.enum(["price_asc", "price_desc"]), k: z.int().min(-INT4_MAX).max(INT4_MAX), id }),
  z.strictObject({ s: z.literal("relevance"), k: z.number(), id }),
]);

export interface Cursor {
  key: number;
  id: number;
}

export function encodeCursor(sort: CatalogSort, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ s: sort, k: cursor.key, id: cursor.id })).toString("base64url");
}

/** Throws Invalid (BAD_REQUEST) for a malformed cursor or one issued for another sort. */
export function decodeCursor(sort: CatalogSort, cursor: string): Cursor {
  const bad = (message: string) => invalid(message, { cursor: message });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad("malformed cursor");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad("malformed cursor");
  }
  const parsed = CursorPayload.safeParse(json);
  if (!parsed.success) throw bad("malformed cursor");
  if (parsed.data.s !== sort) throw bad(`this cursor belongs to the ${parsed.data.s} sort`);
  return { key: parsed.data.k, id: parsed.data.id };
}

/** Microseconds since the epoch as an ISO timestamp PostgreSQL reads without losing precision (JS Dates stop at ms). */
export function microsToIso(micros: number): string {
  const millis = Math.floor(micros / 1000);
  const iso = new Date(millis).toISOString();
  return `${iso.slice(0, -1)}${String(micros - millis * 1000).padStart(3, "0")}Z`;
}
