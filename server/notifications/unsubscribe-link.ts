import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "../context";
import { signLink, verifyLink } from "../signing";
import { categoryOf, isUnsubscribable } from "./notification-categories";
import { NotificationCategory } from "./preference-schemas";
import { absoluteUrl } from "./shop-identity";

const PURPOSE = "unsubscribe";
// Mail already delivered keeps its link for good; retiring the signing key (LINK_SIGNING_SECRET) is how links are revoked.
const NEVER = new Date(Date.UTC(9999, 0, 1));

/** Whose email preference a link switches off: the account's when the address has one, else the bare address's. */
export type UnsubscribeTarget = { category: NotificationCategory } & ({ userId: string } | { address: string });

export function unsubscribeToken(target: UnsubscribeTarget): string {
  const owner = "userId" in target ? `u:${target.userId}` : `a:${target.address}`;
  return signLink(PURPOSE, `${target.category}:${owner}`, NEVER);
}

export function readUnsubscribeToken(token: string): UnsubscribeTarget | null {
  const match = /^([^:]+):([ua]):(.+)$/.exec(verifyLink(PURPOSE, token) ?? "");
  const category = NotificationCategory.safeParse(match?.[1]);
  if (!match || !category.success) return null;
  return match[2] === "u" ? { category: category.data, userId: match[3]! } : { category: category.data, address: match[3]! };
}

/** The one-click link for a message of `kind` to `recipient`, or null when the kind cannot be unsubscribed from (transactional, admin). */
export async function unsubscribeUrlFor(ctx: ServiceContext, input: { kind: string; recipient: string }): Promise<string | null> {
  const category = categoryOf(input.kind);
  if (!category || !isUnsubscribable(input.kind)) return null;
  const address = input.recipient.toLowerCase();
  const [owner] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${address}`);
  const token = unsubscribeToken(owner ? { category, userId: owner.id } : { category, address });
  return absoluteUrl(`/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** RFC 2369 and RFC 8058: mail clients show an unsubscribe button and POST to the link, without opening a page. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
