import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoadBalancer {
  url: string;
  /** Requests answered per upstream, and how many of them with a 5xx (or no answer at all: counted as 502). */
  counts: { upstream: string; requests: number; errors5xx: number }[];
  close(): Promise<void>;
}

/**
 * A round-robin HTTP proxy for local scale tests: each request goes to the next upstream, with the client's address
 * appended to X-Forwarded-For (as a real load balancer does; the app's per-IP limits read the last entry) and the
 * upstream's index in the response's `x-upstream` header. No retries: a failed upstream answers 502.
 */
export async function startLoadBalancer(upstreams: string[], port = 0): Promise<LoadBalancer> {
  const counts = upstreams.map((upstream) => ({ upstream, requests: 0, errors5xx: 0 }));
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const index = next++ % upstreams.length;
    const target = new URL(incoming.url ?? "/", upstreams[index]);
    const count = counts[index]!;
    count.requests++;
    const forwardedFor = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const proxied = request(
      target,
      { method: incoming.method, headers: { ...incoming.headers, "x-forwarded-for": forwardedFor, "x-forwarded-host": incoming.headers.host } },
      (answer: IncomingMessage) => {
        if ((answer.statusCode ?? 502) >= 500) count.errors5xx++;
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-upstream": String(index) });
        answer.pipe(outgoing);
      },
    );
    proxied.on("error", () => {
      count.errors5xx++;
      if (!outgoing.headersSent) outgoing.writeHead(502, { "x-upstream": String(index) });
      outgoing.end();
    });
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
