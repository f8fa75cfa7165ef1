import superjson from "superjson";

/** Path of a non-batched tRPC GET, with the input encoded the way the superjson transformer expects it. */
export function trpcPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** Calls a tRPC query and returns its deserialised data; throws with the server's message on any error. */
export async function trpcQuery<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(baseUrl + trpcPath(procedure, input));
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
  return superjson.deserialize<T>(body.result.data);
}
