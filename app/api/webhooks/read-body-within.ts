/** The body's bytes, or null as soon as it grows past `limit` bytes: a huge body is never held in memory. */
export async function readBytesWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The body as text, or null as soon as it grows past `limit` bytes. */
export async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  const bytes = await readBytesWithin(request, limit);
  return bytes === null ? null : Buffer.from(bytes).toString("utf8");
}
