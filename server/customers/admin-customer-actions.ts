import { requireAdmin, requireFullAdmin, withTransaction, type ServiceContext } from "../context";
import { conflict } from "../errors";
import { eraseAccount, isErased } from "../users/delete-account";
import { requestPasswordReset } from "../users/password-reset";
import { findShopper } from "./find-shopper";
import type { CustomerIdInput } from "./schemas";

/** Sends the shopper the same reset link "Forgot password?" does (and under the same per-address limit). */
export async function adminSendPasswordReset(ctx: ServiceContext, input: CustomerIdInput): Promise<void> {
  requireAdmin(ctx);
  const { email } = await findShopper(ctx, input);
  if (isErased(email)) throw conflict("This customer was anonymised");
  await requestPasswordReset(ctx, { email: email.toLowerCase() });
}

/**
 * Erases a shopper's personal data on their request, exactly as their own "delete my account" does (eraseAccount):
 * orders keep their totals, every session ends. Irreversible, so full admins only; a second call changes nothing.
 */
export async function adminAnonymiseCustomer(ctx: ServiceContext, input: CustomerIdInput): Promise<void> {
  requireFullAdmin(ctx);
  await withTransaction(ctx, async (tx) => {
    const { email } = await findShopper(tx, { ...input, lock: true });
    if (!isErased(email)) await eraseAccount(tx, input);
  });
}
