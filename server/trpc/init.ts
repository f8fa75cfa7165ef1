import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Actor, ServiceContext } from "../context";
import { DomainError, RateLimited, type DomainErrorKind } from "../errors";
import type { Db, Tx } from "@/db/client";
import { genericEntry, writeAuditRow, type AuditRecorder } from "../audit/recorder";
import { CALLS_OUT, STAFF_REFUSED } from "./admin-policy";
import { consumeLimits, type LimitName } from "../abuse/limits";
import type { Carrier } from "../shipping/carrier";
import { currentRequestId, withRequestId } from "../log";
import { serializeOutput } from "./json-output";

/** What every procedure sees: the database pool and who is calling. Built per request in ./context.ts. */
export interface TrpcContext {
  db: Db;
  actor: Actor;
  /** The guest cart id from the verified `emporium_cart` cookie; null when there is none or it was tampered with. */
  guestCartId?: string | null;
  /** Stores the guest cart cookie on the response (null clears it); a no-op where headers are read-only (server components). */
  setGuestCartId?: (id: string | null) => void;
  /** The caller's address (see clientIp), for per-IP abuse limits; null when unknown (server components, tests). */
  ip?: string | null;
  /** The request's id, for its log lines and events, where no route handler has made it current (server components). */
  requestId?: string | null;
  /** Tests pass a carrier (the simulator) here; the app leaves it to carrierFor's choice from the environment. */
  carrier?: Carrier;
  /** Set by the audit middleware for an admin mutation: its transaction (none for CALLS_OUT) and its recorder. */
  tx?: Tx;
  audit?: AuditRecorder;
}

const CODES: Record<DomainErrorKind, TRPCError["code"]> = {
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  OutOfStock: "CONFLICT",
  Forbidden: "FORBIDDEN",
  Unauthenticated: "UNAUTHORIZED",
  PaymentDeclined: "PAYMENT_REQUIRED",
  Invalid: "BAD_REQUEST",
  RateLimited: "TOO_MANY_REQUESTS",
};

const t = initTRPC.context<TrpcContext>().create({
  // The client's superjson reads both ways; answers are written by serializeOutput, superjson's format made cheaply.
  transformer: { input: superjson, output: { serialize: serializeOutput, deserialize: superjson.deserialize } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Something went wrong on our side" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domainError: cause instanceof DomainError ? cause.kind : null,
        fieldErrors: cause instanceof DomainError ? (cause.fieldErrors ?? null) : null,
        retryAfterSeconds: cause instanceof RateLimited ? cause.retryAfterSeconds : null,
        zodIssues: cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null,
      },
    };
  },
});

/** Domain errors become their tRPC code once, here; anything else stays INTERNAL_SERVER_ERROR and its message is hidden. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODES[cause.kind], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Runs the procedure under the request's id when the context brings one that is not current yet (a server component's). */
const carryRequestId = t.middleware(({ ctx, next }) =>
  ctx.requestId && ctx.requestId !== currentRequestId() ? withRequestId(ctx.requestId, () => next()) : next(),
);

export const publicProcedure = t.procedure.use(carryRequestId).use(mapDomainErrors);

/**
 * Takes a point from each abuse limit (server/abuse/limits.ts) for the keys `checks` names, before the procedure runs:
 * TOO_MANY_REQUESTS with the wait when one ran out. Place it after `.input()` to key on the parsed input.
 */
export const limited = <I>(checks: (ctx: TrpcContext, input: I) => Array<readonly [LimitName, string | null | undefined]>) =>
  t.middleware(async ({ ctx, input, next }) => {
    await consumeLimits(ctx.db, checks(ctx, input as I));
    return next();
  });

export const shopperProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.type !== "shopper" && ctx.actor.type !== "admin") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Admin-area procedures: admins, and staff except where STAFF_REFUSED says (./admin-policy.ts). Mutations are audited. */
export const adminProcedure = publicProcedure
  .use(({ ctx, path, next }) => {
    if (ctx.actor.type === "anonymous") throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
    if (ctx.actor.type !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "admins only" });
    if (ctx.actor.role === "staff" && STAFF_REFUSED.has(path)) throw new TRPCError({ code: "FORBIDDEN", message: "staff cannot do this: ask an admin" });
    return next({ ctx: { actor: ctx.actor } });
  })
  .use(async ({ ctx, type, path, getRawInput, next }) => {
    if (type !== "mutation") return next();
    const audit: AuditRecorder = { action: path, actorId: ctx.actor.userId, actorRole: ctx.actor.role ?? "admin", written: 0 };
    const input = await getRawInput();
    if (CALLS_OUT.has(path)) {
      await writeAuditRow(ctx.db, audit, genericEntry(path, input, { phase: "requested" }));
      const result = await next({ ctx: { audit } });
      const cause = result.ok ? null : result.error.cause;
      const code = cause instanceof DomainError ? CODES[cause.kind] : result.ok ? null : result.error.code;
      const outcome = result.ok ? { result: result.data } : { error: `${code}: ${result.error.message}` };
      await writeAuditRow(ctx.db, audit, genericEntry(path, input, { phase: "outcome", ...outcome }));
      return result;
    }
    // Everything else runs in one transaction opened here and handed on as `tx` (toServiceCtx passes it, so the verb's
    // withTransaction joins it): the audit row commits with the change, and a failed mutation leaves neither.
    try {
      return await ctx.db.transaction(async (tx) => {
        const result = await next({ ctx: { tx, audit } });
        if (!result.ok) throw new RolledBack(result);
        if (audit.written === 0) await writeAuditRow(tx, audit, genericEntry(path, input, { result: result.data }));
        return result;
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.result as Awaited<ReturnType<typeof next>>;
      throw error;
    }
  });

/** A failed mutation's result, thrown to roll its transaction back and caught to answer it. */
class RolledBack {
  constructor(readonly result: unknown) {}
}

export function toServiceCtx(ctx: TrpcContext): ServiceContext {
  return {
    db: ctx.tx ?? ctx.db,
    actor: ctx.actor,
    ...(ctx.tx ? { inTransaction: true } : {}),
    ...(ctx.audit ? { audit: ctx.audit } : {}),
    ...(ctx.carrier ? { carrier: ctx.carrier } : {}),
  };
}
