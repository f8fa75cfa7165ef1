import type { Db, Tx } from "@/db/client";
import type { Carrier } from "./shipping/carrier";
import { DomainError } from "./errors";
import type { MailSender } from "./notifications/mail-sender";
import type { PaymentProvider } from "./payments/payment-provider";
import type { PushSender } from "./notifications/push-sender";
import type { SmsSender } from "./notifications/sms-sender";
import type { FileStorage } from "./storage/file-storage";
import type { AuditRecorder } from "./audit/recorder";

export type Actor =
  | { type: "anonymous" }
  | { type: "shopper"; userId: string }
  /** Someone working in the admin area. `role` "staff" cannot refund, change prices or read the audit log; absent = "admin". */
  | { type: "admin"; userId: string; role?: AdminRole }
  | { type: "system"; name: string }
  | { type: "webhook"; source: string };

export type AdminRole = "admin" | "staff";

export interface ServiceContext {
  db: Db | Tx;
  actor: Actor;
  /** The guest cart id from the verified cart cookie, so a guest's checkout can prove the cart is theirs. */
  guestCartId?: string | null;
  /** True when `db` is an open transaction that the caller owns. */
  inTransaction?: boolean;
  /** Overrides the payment provider chosen from the environment (tests pass a fake or a simulator). */
  payments?: PaymentProvider;
  /** Overrides the email channel chosen from the environment (tests pass one speaking to a fake Resend). */
  mail?: MailSender;
  /** Overrides the SMS channel chosen from the environment (tests pass one speaking to a fake SNS). */
  sms?: SmsSender;
  /** Overrides the push channel chosen from the environment. */
  push?: PushSender;
  /** Overrides the shipping carrier chosen from the environment (tests pass one speaking to a fake EasyPost, or a simulator). */
  carrier?: Carrier;
  /** Overrides where generated files go (tests pass a disk storage in a temporary folder). */
  storage?: FileStorage;
  /** Set for an admin mutation: who is acting in which procedure, for recordAudit (server/audit) to name in its rows. */
  audit?: AuditRecorder;
}

/** Runs `work` in a transaction, joining the caller's when one is already open. */
export async function withTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return (ctx.db as Db).transaction((tx) => work({ ...ctx, db: tx, inTransaction: true }));
}

export function requireAdmin(ctx: ServiceContext): string {
  if (ctx.actor.type === "admin") return ctx.actor.userId;
  if (ctx.actor.type === "anonymous") throw new DomainError("Unauthenticated", "sign in first");
  throw new DomainError("Forbidden", "admins only");
}

/** requireAdmin for what the staff role may not do (refunds, prices, the audit log). */
export function requireFullAdmin(ctx: ServiceContext): string {
  const userId = requireAdmin(ctx);
  if (ctx.actor.type === "admin" && ctx.actor.role === "staff") throw new DomainError("Forbidden", "staff cannot do this: ask an admin");
  return userId;
}

export function systemContext(db: Db, name: string): ServiceContext {
  return { db, actor: { type: "system", name } };
}
