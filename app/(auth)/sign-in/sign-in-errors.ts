import { retryAfterOf } from "@/server/auth/too-many-attempts";
import { waitInWords } from "@/server/errors";

const COGNITO_FAILED = "Signing in with Cognito did not work. Check that your email address is verified there and try again, or use your email and password.";

/** Messages for the `error` codes next-auth puts on the sign-in URL. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Incorrect email or password.",
  SessionRequired: "Sign in to continue.",
  forbidden: "That page needs an administrator account. Sign in with one to continue.",
  AccessDenied: "You are not allowed to sign in with that account.",
  OAuthSignin: COGNITO_FAILED,
  OAuthCallback: COGNITO_FAILED,
  OAuthAccountNotLinked: COGNITO_FAILED,
  Callback: COGNITO_FAILED,
};

export function signInErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return null;
  const wait = retryAfterOf(`/?error=${encodeURIComponent(value)}`);
  if (wait !== null) return `Too many attempts for this account. Try again in ${waitInWords(wait)}, or reset your password.`;
  return MESSAGES[value] ?? "We could not sign you in. Please try again.";
}
