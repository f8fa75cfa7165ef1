type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The caller's address for per-IP limits: the last X-Forwarded-For entry (the one our own proxy appended; earlier
 * entries are whatever the client claimed), else X-Real-IP; null when the request came with neither.
 */
export function clientIp(headers: HeaderSource | undefined): string | null {
  if (!headers) return null;
  const forwarded = header(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || header(headers, "x-real-ip")?.trim()) ?? null;
}
