import { cache } from "react";
import { createTrpcContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/** One context per request. Server components read the cart cookie but cannot set it: no response headers are passed. */
export const getContext = cache(() => createTrpcContext());

/**
 * Direct, typed calls for server components that render the data themselves. Nothing here may import react-query: the
 * storefront's layout reaches this file, and a client component it imports (HydrationBoundary) would join the start-up
 * script of every storefront page. Pages that hand data to tRPC hooks use ./hydration.
 */
export const getCaller = cache(async () => createCaller(await getContext()));
