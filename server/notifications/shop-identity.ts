import type { Shop } from "@/emails";
import { emailFrom, env } from "../env";

/** The sender as every email shows it: the shop's name, its public URL, the reply address and the postal line the footer needs. */
export function shopIdentity(): Shop {
  const from = emailFrom();
  const { SHOP_NAME, SHOP_POSTAL_ADDRESS, SHOP_TIME_ZONE, NEXTAUTH_URL } = env();
  return { name: SHOP_NAME, url: NEXTAUTH_URL, addressLine: SHOP_POSTAL_ADDRESS, supportEmail: /<([^>]+)>/.exec(from)?.[1] ?? from, timeZone: SHOP_TIME_ZONE };
}

/** A path of the shop as a link that works from a mailbox. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().NEXTAUTH_URL).toString();
}
