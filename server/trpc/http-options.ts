import type { AnyTRPCRouter } from "@trpc/server";
import type { ResponseMetaFn } from "@trpc/server/http";
import { RateLimited } from "../errors";
import { MAX_BATCH_SIZE } from "./max-batch-size";

/** Retry-After on a response whose calls were refused by an abuse limit: the longest wait among them. */
const retryAfter: ResponseMetaFn<AnyTRPCRouter> = ({ errors }) => {
  const waits = errors.flatMap((e) => (e.cause instanceof RateLimited ? [e.cause.retryAfterSeconds] : []));
  return waits.length ? { headers: new Headers({ "Retry-After": String(Math.max(...waits)) }) } : {};
};

/** What the tRPC route handler adds to fetchRequestHandler's options. */
export const trpcHttpOptions = { maxBatchSize: MAX_BATCH_SIZE, responseMeta: retryAfter };
