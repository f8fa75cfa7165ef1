import { z } from "zod";
import { invalid } from "../errors";
import { INT4_MAX } from "../limits";
import type { AdminProductSort } from "./admin-schemas";

/** The last (or first) row's sort key and id, for keyset paging of the admin product list. */
export interface AdminCursor {
  key: number | string;
  id: number;
}

const Payload = z.strictObject({ s: z.string(), k: z.union([z.int(), z.string().max(400)]), id: z.int().min(1).max(INT4_MAX) });

export function encodeAdminCursor(sort: AdminProductSort, cursor: AdminCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, k: cursor.key, id: cursor.id })).toString("base64url");
}

/** Throws Invalid (BAD_REQUEST) for a malformed cursor, one issued for another sort, or a key of the wrong kind. */
export function decodeAdminCursor(sort: AdminProductSort, cursor: string): AdminCursor {
  const bad = (message: string) => invalid(message, { cursor: message });
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad("malformed cursor");
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) throw bad("malformed cursor");
  if (parsed.data.s !== sort) throw bad(`this cursor belongs to the ${parsed.data.s} sort`);
  if ((typeof parsed.data.k === "string") !== sort.startsWith("title")) throw bad("malformed cursor");
  return { key: parsed.data.k, id: parsed.data.id };
}
