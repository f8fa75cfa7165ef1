import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { log } from "@/server/log";
import { createTrpcContext } from "@/server/trpc/context";
import { trpcHttpOptions } from "@/server/trpc/http-options";
import { appRouter } from "@/server/trpc/root";
import { withRequestLog } from "../../with-request-log";

// Never prerendered, so Next hands the handler the request itself instead of a proxy that tracks each read of it.
export const dynamic = "force-dynamic";

const handler = withRequestLog((req: Request) =>
  fetchRequestHandler({
    ...trpcHttpOptions,
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ req, resHeaders }) => createTrpcContext({ req, resHeaders }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") log().error({ err: error.cause ?? error, procedure: path ?? "?" }, "tRPC procedure failed");
    },
  }),
);

export { handler as GET, handler as POST };
