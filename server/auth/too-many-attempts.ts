/** The error code the credentials provider reports when a limit refused the attempt: `TooManyAttempts:<seconds to wait>`. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export const tooManyAttemptsError = (retryAfterSeconds: number) => new Error(`${TOO_MANY_ATTEMPTS}:${retryAfterSeconds}`);

/** The wait in a next-auth error URL's `error` parameter, or null when that error is not a refused attempt. */
export function retryAfterOf(errorUrl: string | null | undefined): number | null {
  if (!errorUrl) return null;
  const code = new URL(errorUrl, "http://placeholder.invalid").searchParams.get("error") ?? "";
  const match = new RegExp(`^${TOO_MANY_ATTEMPTS}:(\\d+)$`).exec(code);
  return match ? Number(match[1]) : null;
}

/**
 * next-auth answers every failed credentials sign-in 401; a refused attempt becomes 429 with Retry-After, body and
 * cookies unchanged.
 */
export async function withTooManyAttemptsStatus(response: Response): Promise<Response> {
  if (response.status !== 401 || !response.headers.get("content-type")?.includes("json")) return response;
  const body = await response.clone().json().catch(() => null);
  const wait = retryAfterOf((body as { url?: string } | null)?.url);
  if (wait === null) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(wait));
  return new Response(response.body, { status: 429, headers });
}
