/** The image formats an upload may be, recognised by their first bytes (what the browser says is not trusted). SVG is not one: it can carry script. */
const SIGNATURES: { contentType: string; ext: string; matches: (b: Uint8Array) => boolean }[] = [
  { contentType: "image/jpeg", ext: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { contentType: "image/png", ext: "png", matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { contentType: "image/gif", ext: "gif", matches: (b) => ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a" },
  { contentType: "image/webp", ext: "webp", matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
  { contentType: "image/avif", ext: "avif", matches: (b) => ascii(b, 4, 8) === "ftyp" && ["avif", "avis"].includes(ascii(b, 8, 12)) },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return bytes.length < end ? "" : String.fromCharCode(...bytes.subarray(start, end));
}

export function sniffImageType(bytes: Uint8Array): { contentType: string; ext: string } | null {
  const found = SIGNATURES.find((s) => s.matches(bytes));
  return found ? { contentType: found.contentType, ext: found.ext } : null;
}
