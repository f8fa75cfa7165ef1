import { TRPCError } from "@trpc/server";

/** How a tRPC call ended: "OK", its error code, or the text of any other error. */
export async function trpcCode(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
}
