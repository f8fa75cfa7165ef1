import { cognitoConfigured, type Env } from "../env";

/**
 * Cognito's logout endpoint for this shop: it ends the managed-login session (else the next "Continue with Cognito" signs
 * straight back in) and sends the browser to NEXTAUTH_URL's home, which must be one of the client's sign-out URLs.
 * Null without Cognito or its COGNITO_DOMAIN.
 */
export function cognitoLogoutUrl(e: Env): string | null {
  if (!cognitoConfigured(e) || !e.COGNITO_DOMAIN) return null;
  const url = new URL("/logout", e.COGNITO_DOMAIN);
  url.searchParams.set("client_id", e.COGNITO_CLIENT_ID!);
  url.searchParams.set("logout_uri", new URL("/", e.NEXTAUTH_URL).href);
  return url.href;
}
