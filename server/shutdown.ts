import { log } from "./log";

type Closer = { name: string; close: () => Promise<void> };

const globalForShutdown = globalThis as unknown as { emporiumClosers?: Closer[]; emporiumShuttingDown?: true };
const closers = (globalForShutdown.emporiumClosers ??= []);

const CLOSE_WITHIN_MS = 10_000;

/** Something to stop when the server shuts down, after its last request; closed in the reverse order of registration. */
export function closeOnShutdown(name: string, close: () => Promise<void> | void): void {
  closers.push({ name, close: async () => close() });
}

/** True from the moment SIGTERM or SIGINT arrives: the server takes no new connections, its own requests included. */
export const isShuttingDown = (): boolean => globalForShutdown.emporiumShuttingDown === true;

async function closeAll(): Promise<void> {
  for (const closer of [...closers].reverse()) {
    await closer.close().then(
      () => log().info({ part: closer.name }, "shutdown: stopped"),
      (error: unknown) => log().error({ err: error, part: closer.name }, "shutdown: stopping failed"),
    );
  }
}

/**
 * On SIGTERM or SIGINT, Next's own handler stops accepting connections, lets the requests in flight finish and then
 * calls process.exit. That exit is held back here until the registered parts (the outbox relay, the in-process runner,
 * the database pool) have stopped, or CLOSE_WITHIN_MS has passed, so nothing is cut off mid-statement.
 */
export function installGracefulShutdown(): void {
  const installed = globalForShutdown as { emporiumShutdownInstalled?: true };
  if (installed.emporiumShutdownInstalled) return;
  installed.emporiumShutdownInstalled = true;
  const holdExit = (signal: NodeJS.Signals) => {
    globalForShutdown.emporiumShuttingDown = true;
    log().info({ signal }, "shutdown: no new connections; finishing the requests in flight");
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      process.exit = exit;
      // Not unref'd: with the server closed, this timer is what keeps the process alive while the parts stop.
      const deadline = new Promise((resolve) => setTimeout(resolve, CLOSE_WITHIN_MS));
      void Promise.race([closeAll(), deadline]).finally(() => {
        log().info({ code }, "shutdown: done");
        exit(code);
      });
    }) as typeof process.exit;
  };
  process.once("SIGTERM", holdExit);
  process.once("SIGINT", holdExit);
}
