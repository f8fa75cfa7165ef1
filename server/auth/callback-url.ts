const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

/**
 * Where to go after signing in: a path on this site, never another origin. Parsing with URL catches what browsers
 * would turn into another host ("//evil.test", "/\\evil.test", a tab inside "//").
 */
export function safeCallbackUrl(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith("/")) return "/";
  const url = new URL(value, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: `url` resolved with the URL parser against our own origin, kept only when it stays on it
 * and names no user info; anything else, unparsable input included, goes to the home page. Never throws.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const home = new URL("/", baseUrl);
  try {
    const target = new URL(url, home);
    if (target.origin !== home.origin || target.username || target.password) return home.toString();
    return new URL(`${target.pathname}${target.search}${target.hash}`, home).toString();
  } catch {
    return home.toString();
  }
}
