import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { createTrpcContext } from "@/server/trpc/context";
import { appRouter, createCaller } from "@/server/trpc/root";
import { makeQueryClient } from "./query-client";

/** One query client and one context per request. */
export const getQueryClient = cache(makeQueryClient);
// Server components read the cart cookie but cannot set it: no response headers are passed.
const getContext = cache(() => createTrpcContext());

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Direct, typed calls for server components that render the data themselves. */
export const getCaller = cache(async () => createCaller(await getContext()));

/** Fetch on the server and hand the result to client components through HydrateClient. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  await getQueryClient().prefetchQuery(queryOptions);
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
