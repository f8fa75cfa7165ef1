import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from "pdf-lib";

// WinAnsi's bytes 0x80–0x9F that differ from Latin-1 and that our documents draw.
const WIN_ANSI_EXTRA: Record<number, string> = { 0x85: "…", 0x95: "•", 0x96: "–", 0x97: "—" };

const decodeWinAnsi = (bytes: number[]) => bytes.map((b) => WIN_ANSI_EXTRA[b] ?? String.fromCharCode(b)).join("");

function contentBytes(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error("expected a stored content stream");
      return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    })
    .join("\n");
}

/**
 * The strings each page shows, in drawing order, read from its (inflated) content streams: every `<hex> Tj` and
 * `(literal) Tj`, decoded as WinAnsi. Enough for PDFs drawn by pdf-lib with a standard font, one drawText per string;
 * not a general text extractor (no TJ arrays, no font encodings other than WinAnsi).
 */
export function pageTexts(doc: PDFDocument): string[][] {
  return doc.getPages().map((page) => {
    const content = contentBytes(page);
    const shown: string[] = [];
    for (const match of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      if (match[1] !== undefined) shown.push(decodeWinAnsi(Buffer.from(match[1].replace(/\s/g, ""), "hex").toJSON().data));
      else shown.push(match[2]!.replace(/\\(.)/g, "$1"));
    }
    return shown;
  });
}

export interface PdfImage {
  width: number;
  height: number;
  /** Colour components per pixel: 1 (DeviceGray) or 3 (DeviceRGB), 8 bits each. */
  components: number;
  pixels: Uint8Array;
  hasSoftMask: boolean;
}

/** The image XObjects a page uses, decoded to raw pixels (as pdf-lib embeds a PNG: Flate-compressed, 8 bits per component). */
export function pageImages(page: PDFPage): PdfImage[] {
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xObjects) return [];
  return xObjects.values().flatMap((ref) => {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) return [];
    const number = (key: string) => stream.dict.lookup(PDFName.of(key), PDFNumber).asNumber();
    if (number("BitsPerComponent") !== 8) throw new Error("expected 8 bits per component");
    const space = stream.dict.lookup(PDFName.of("ColorSpace"));
    const components = space === PDFName.of("DeviceGray") ? 1 : space === PDFName.of("DeviceRGB") ? 3 : 0;
    if (!components) throw new Error(`unexpected colour space ${String(space)}`);
    return [{ width: number("Width"), height: number("Height"), components, pixels: decodePDFRawStream(stream).decode(), hasSoftMask: stream.dict.has(PDFName.of("SMask")) }];
  });
}
