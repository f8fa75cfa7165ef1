import type { Shop } from "@/emails";
import { emailFrom, env } from "../env";

/** The sender as every email shows it: the shop's name, its public URL, the reply address and the postal line the footer needs. */
export function shopIdentity(): Shop {
  const from = emailFrom();
  return {
    name: "Emporium",
    url: env().NEXTAUTH_URL,
    addressLine: "Emporium Ltd, 14 Harbour Row, Bristol BS1 4RN, United Kingdom",
    supportEmail: /<([^>]+)>/.exec(from)?.[1] ?? from,
    timeZone: "Europe/London",
  };
}

/** A path of the shop as a link that works from a mailbox. */
export function absoluteUrl(path: string): string {
  return new URL(path, env().NEXTAUTH_URL).toString();
}
