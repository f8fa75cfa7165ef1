import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stands where an Inngest server would receive the app's events (`POST /e/<event key>`, answered as Inngest answers),
 * so a bench can measure the app's own work with its functions running elsewhere. It only counts what arrives.
 */
export async function startInngestEventSink(): Promise<{ url: string; received: Map<string, number>; close: () => Promise<void> }> {
  const received = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method !== "POST" || !request.url?.startsWith("/e/")) {
        response.writeHead(404).end();
        return;
      }
      const events = [JSON.parse(Buffer.concat(chunks).toString("utf8"))].flat() as Array<{ id: string; name: string }>;
      for (const event of events) received.set(event.name, (received.get(event.name) ?? 0) + 1);
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: events.map((e) => e.id), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
