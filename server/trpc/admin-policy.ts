/**
 * Per-procedure rules for the admin area, by procedure path, checked in init.ts. Kept in one table so the policy reads
 * at a glance; server/audit/audit-coverage.test.ts and the authorisation tests fail on a path that no longer exists.
 */

/** What the staff role may not do: refunds, price changes, the audit log, anonymising a customer. FORBIDDEN before anything runs. */
export const STAFF_REFUSED: ReadonlySet<string> = new Set([
  "adminOrders.refund",
  "adminReturns.refund",
  // A new product's variants carry their prices; adminProducts.update refuses staff only a price change (updateProduct).
  "adminProducts.create",
  "audit.list",
  // Irreversible erasure of a customer's personal data (adminAnonymiseCustomer checks it too).
  "adminCustomers.anonymise",
]);

/**
 * Mutations that talk to a payment provider or a carrier. Their verbs hold no transaction while they wait and refuse to
 * run inside one (a rollback cannot undo a refund or a bought label), so the audit middleware wraps them in none.
 * Instead it commits a "requested" row before the verb runs, so the log names every call that may have reached the
 * provider even if the process dies mid-call, and an "outcome" row (result or error) once the verb returns.
 */
export const CALLS_OUT: ReadonlySet<string> = new Set([
  "adminOrders.refund",
  "adminOrders.cancel",
  "adminReturns.approve",
  "adminReturns.refund",
  "adminFulfilment.buyLabel",
  "adminFulfilment.voidLabel",
]);
