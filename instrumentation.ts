/**
 * Validates the environment when the server starts, so a bad variable stops it with a message naming the variable;
 * without an Inngest server, starts the in-process runner that runs the background functions in this process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env, inngestConfigured } = await import("./server/env");
    env();
    if (!inngestConfigured() && process.env.NEXT_PHASE !== "phase-production-build") {
      const { startAppRunner } = await import("./inngest/functions");
      startAppRunner();
    }
  }
}
