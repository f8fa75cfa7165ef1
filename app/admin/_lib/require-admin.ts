import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";

/**
 * Sends visitors who may not use the admin area (admins and staff may) to the sign-in page, coming back to `callbackUrl`
 * afterwards; `fullAdmin` refuses staff too. A convenience for the pages: the procedures check the role themselves.
 */
export async function requireAdmin(callbackUrl: string, options: { fullAdmin?: boolean } = {}) {
  const user = await currentUser();
  const back = encodeURIComponent(callbackUrl);
  if (!user) redirect(`/sign-in?callbackUrl=${back}`);
  if (user.role === "shopper" || (options.fullAdmin && user.role !== "admin")) redirect(`/sign-in?error=forbidden&callbackUrl=${back}`);
  return user;
}

/** Staff use the admin area without refunds, price changes or the audit log; the pages hide those from them. */
export const isFullAdmin = (user: { role: string }) => user.role === "admin";
