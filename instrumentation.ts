/**
 * Validates the environment when the server starts, so a bad variable stops it with a message naming the variable;
 * then starts the outbox relay, without an Inngest server the in-process runner that runs the background functions, and
 * the page cache feed, and on SIGTERM or SIGINT stops them and closes the database pool once the last request is answered.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./server/env");
    env();
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      const [{ closeOnShutdown, installGracefulShutdown }, { closeAppDb }, { startBackgroundJobs }] = await Promise.all([
        import("./server/shutdown"),
        import("./server/db"),
        import("./inngest/functions"),
      ]);
      installGracefulShutdown();
      // Closed last, after the background jobs that use it.
      closeOnShutdown("database pool", () => closeAppDb());
      await startBackgroundJobs();
      // Every instance expires its own cached product and category pages when the catalogue changes anywhere.
      const { startPageCacheFeed } = await import("./app/(shop)/_lib/page-cache-feed");
      closeOnShutdown("page cache feed", await startPageCacheFeed());
    }
  }
}
