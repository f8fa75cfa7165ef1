import { request } from "node:http";
import superjson from "superjson";
import { trpcPath } from "../bench/trpc";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A browser-like HTTP client for scale tests: a cookie jar, and an optional local address (127.x.y.z) so that many
 * simulated shoppers reach the load balancer from different addresses, as real ones would.
 */
export class ShopClient {
  readonly jar = new Map<string, string>();

  constructor(private readonly localAddress?: string) {}

  send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: options.method ?? "GET",
          localAddress: this.localAddress,
          headers: { ...(cookie && { cookie }), ...(options.body !== undefined && { "content-length": Buffer.byteLength(options.body) }), ...options.headers },
          timeout: 120_000,
        },
        (incoming) => {
          for (const line of [incoming.headers["set-cookie"] ?? []].flat()) {
            const pair = line.slice(0, line.indexOf(";") < 0 ? undefined : line.indexOf(";"));
            const name = pair.slice(0, pair.indexOf("="));
            const value = pair.slice(name.length + 1);
            if (value === "" || /max-age=0/i.test(line)) this.jar.delete(name);
            else this.jar.set(name, value);
          }
          let body = "";
          incoming.setEncoding("utf8");
          incoming.on("data", (chunk: string) => (body += chunk));
          incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error(`${url}: no answer within 120 s`)));
      outgoing.on("error", reject);
      outgoing.end(options.body);
    });
  }

  /** A tRPC mutation (POST) or query (GET): its data, or its error's code and HTTP status. */
  async trpc<T>(baseUrl: string, kind: "query" | "mutation", procedure: string, input: unknown): Promise<{ status: number; data?: T; code?: string }> {
    const answer =
      kind === "query"
        ? await this.send(baseUrl + trpcPath(procedure, input))
        : await this.send(`${baseUrl}/api/trpc/${procedure}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(superjson.serialize(input)),
          });
    const parsed = JSON.parse(answer.body) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: { data: { code: string } } } };
    if (parsed.result) return { status: answer.status, data: superjson.deserialize<T>(parsed.result.data) };
    return { status: answer.status, code: parsed.error?.json.data.code };
  }

  /** Signs in with next-auth's credentials provider: the CSRF token from `csrfFrom`, the sign-in at `signInAt`. */
  async signIn(csrfFrom: string, signInAt: string, email: string, password: string): Promise<number> {
    const { csrfToken } = JSON.parse((await this.send(`${csrfFrom}/api/auth/csrf`)).body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }).toString();
    const answer = await this.send(`${signInAt}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    });
    return answer.status;
  }
}
