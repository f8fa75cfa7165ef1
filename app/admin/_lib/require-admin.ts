import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";

/**
 * Sends visitors who are not admins to the sign-in page, coming back to `callbackUrl` afterwards.
 * A convenience for the pages: the adminProducts procedures check the role themselves.
 */
export async function requireAdmin(callbackUrl: string) {
  const user = await currentUser();
  const back = encodeURIComponent(callbackUrl);
  if (!user) redirect(`/sign-in?callbackUrl=${back}`);
  if (user.role !== "admin") redirect(`/sign-in?error=forbidden&callbackUrl=${back}`);
  return user;
}
