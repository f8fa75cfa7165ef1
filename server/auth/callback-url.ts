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
