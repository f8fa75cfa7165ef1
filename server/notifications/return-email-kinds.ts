/** The emails of a return's steps (its refund sends refund-issued), one ledger kind each: `return-<step>`. */
export const RETURN_EMAIL_KINDS = ["return-requested", "return-approved", "return-received", "return-rejected"] as const;
export type ReturnEmailKind = (typeof RETURN_EMAIL_KINDS)[number];

export function isReturnEmailKind(kind: string): kind is ReturnEmailKind {
  return (RETURN_EMAIL_KINDS as readonly string[]).includes(kind);
}
