import { createTRPCClient, httpBatchLink, loggerLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/trpc/root";
import { MAX_BATCH_SIZE } from "@/server/trpc/max-batch-size";

/** The browser's tRPC client: under TRPCReactProvider for its hooks, and loaded on first use by the storefront's shopper store. */
export function makeTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Only in development, so production bundles leave the logger out.
      ...(process.env.NODE_ENV === "development" ? [loggerLink({ enabled: (op) => op.direction === "down" && op.result instanceof Error })] : []),
      httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE }),
    ],
  });
}

export type BrowserTRPCClient = ReturnType<typeof makeTRPCClient>;
