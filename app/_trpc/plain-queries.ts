import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** T when JSON carries it as it is; a Date, Map, BigInt, undefined or function turns it into something T does not satisfy. */
type Json<T> = T extends string | number | boolean | null
  ? T
  : T extends (...args: never) => unknown
    ? never
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : never;

type Outputs = inferRouterOutputs<AppRouter>;
interface Answers {
  "users.me": Outputs["users"]["me"];
  "cart.summary": Outputs["cart"]["summary"];
}

/**
 * The queries every storefront page asks as it loads, sent without the tRPC client, whose chunk (@trpc/client and
 * superjson) then loads only when the shopper does something. Their answers are read as plain JSON, so only those that
 * hold nothing superjson describes in `meta` are listed: an answer that gains a Date drops off, and its call stops compiling.
 */
type Path = { [P in keyof Answers]: [Answers[P]] extends [Json<Answers[P]>] ? P : never }[keyof Answers];
type Outcomes<P extends readonly Path[]> = { [I in keyof P]: PromiseSettledResult<Answers[P[I]]> };

/** One call's place in a tRPC batch answer: superjson's `{ json, meta? }` under `result.data`, or an error. */
interface BatchEntry {
  result?: { data?: { json?: unknown; meta?: unknown } };
  error?: { json?: { message?: unknown } };
}

function outcome(entry: BatchEntry | null | undefined): PromiseSettledResult<unknown> {
  const data = entry?.result?.data;
  if (data && typeof data === "object" && "json" in data && data.meta === undefined) return { status: "fulfilled", value: data.json };
  const message = entry?.error?.json?.message;
  return { status: "rejected", reason: new Error(typeof message === "string" ? message : "unreadable answer") };
}

/**
 * Asks the procedures in one tRPC batch GET (none takes input: the server reads a missing one as undefined) and settles
 * each as Promise.allSettled would: a call is rejected when its entry is an error, or when the answer is no batch at all.
 */
export async function queryPlain<const P extends readonly Path[]>(...paths: P): Promise<Outcomes<P>> {
  let outcomes: PromiseSettledResult<unknown>[];
  try {
    const response = await fetch(`/api/trpc/${paths.join(",")}?batch=1`);
    const entries = (await response.json()) as BatchEntry[];
    outcomes = paths.map((_, i) => outcome(entries[i]));
  } catch (error) {
    outcomes = paths.map(() => ({ status: "rejected", reason: error }));
  }
  return outcomes as Outcomes<P>;
}
