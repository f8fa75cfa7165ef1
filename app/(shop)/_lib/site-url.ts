import { env } from "@/server/env";

/** The shop's public origin (NEXTAUTH_URL), read per request: canonical links, sitemaps and robots.txt must name the real host. */
export function siteOrigin(): URL {
  return new URL(env().NEXTAUTH_URL);
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteOrigin()).toString();
}
