import { cognitoLogoutUrl } from "@/server/auth/cognito-logout";
import { env } from "@/server/env";

/** Where sign-out lands once our session is gone: Cognito's logout, which ends its session too, or the home page. */
export function GET(): Response {
  return Response.redirect(cognitoLogoutUrl(env()) ?? new URL("/", env().NEXTAUTH_URL).href, 303);
}
