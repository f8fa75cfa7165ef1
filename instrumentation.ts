/**
 * Validates the environment when the server starts, so a bad variable stops it with a message naming the variable;
 * then starts the outbox relay and, without an Inngest server, the in-process runner that runs the background functions.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./server/env");
    env();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const { startBackgroundJobs } = await import("./inngest/functions");
      await startBackgroundJobs();
    }
  }
}
