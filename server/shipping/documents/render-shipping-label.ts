import { toBuffer } from "bwip-js/node";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { ShippingAddress } from "@/db/schema/orders";
import { addressLines } from "./address-lines";
import { fitText } from "./safe-text";

export interface ShippingLabelInput {
  trackingCode: string;
  carrier: string;
  service: string;
  from: ShippingAddress;
  to: ShippingAddress;
  weightGrams: number;
  /** Our reference for the shipment, printed small for the packer. */
  shipmentRef: string;
}

/** 4 × 6 inches, portrait, in PDF points. */
export const LABEL_SIZE = { width: 288, height: 432 } as const;

const MARGIN = 14;
const INNER = LABEL_SIZE.width - 2 * MARGIN;
const BLACK = rgb(0, 0, 0);
const BARCODE_HEIGHT = 86;
// bwip-js draws each module this many pixels wide.
const BARCODE_SCALE = 2;
// At most 1.5 pt per module: wide enough for a 203 dpi thermal printer, narrow enough for a long code to fit.
const MAX_MODULE_POINTS = 1.5;
// Code 128 carries ASCII; a carrier's tracking code is letters and digits, sometimes with '-'.
const TRACKING_CODE = /^[\x21-\x7e]{1,64}$/;

/** A 4×6 shipping label: sender, recipient, carrier and service, and the tracking code as a Code 128 barcode with the code under it. */
export async function renderShippingLabel(input: ShippingLabelInput): Promise<Uint8Array> {
  if (!TRACKING_CODE.test(input.trackingCode)) throw new Error(`tracking code ${JSON.stringify(input.trackingCode)} cannot be printed as Code 128: printable ASCII without spaces, 1 to 64 characters`);
  const doc = await PDFDocument.create();
  doc.setTitle(`Shipping label ${input.trackingCode}`);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([LABEL_SIZE.width, LABEL_SIZE.height]);
  const line = (text: string, font: PDFFont, size: number, y: number) => page.drawText(fitText(font, text, size, INNER), { x: MARGIN, y, size, font, color: BLACK });

  let y = LABEL_SIZE.height - MARGIN - 7;
  line("FROM", bold, 7, y);
  for (const text of addressLines(input.from)) line(text, regular, 8, (y -= 10));
  rule(page, (y -= 8));

  line("SHIP TO", bold, 8, (y -= 14));
  y -= 4;
  for (const [i, text] of addressLines(input.to).entries()) line(text, i === 0 ? bold : regular, 12, (y -= 15));
  rule(page, (y -= 10));

  line(`${input.carrier} · ${input.service}`.toUpperCase(), bold, 14, (y -= 20));
  line(`Weight ${(input.weightGrams / 1000).toFixed(2)} kg   Ref ${input.shipmentRef}`, regular, 8, (y -= 13));

  const png = await toBuffer({ bcid: "code128", text: input.trackingCode, scale: BARCODE_SCALE, height: 20, includetext: false, backgroundcolor: "FFFFFF" });
  const barcode = await doc.embedPng(png);
  const modules = barcode.width / BARCODE_SCALE;
  const width = Math.min(INNER, modules * MAX_MODULE_POINTS);
  page.drawImage(barcode, { x: (LABEL_SIZE.width - width) / 2, y: MARGIN + 22, width, height: BARCODE_HEIGHT });
  const codeWidth = bold.widthOfTextAtSize(input.trackingCode, 12);
  page.drawText(input.trackingCode, { x: (LABEL_SIZE.width - codeWidth) / 2, y: MARGIN + 6, size: 12, font: bold, color: BLACK });

  return doc.save({ useObjectStreams: false });
}

function rule(page: PDFPage, y: number) {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: LABEL_SIZE.width - MARGIN, y }, thickness: 1, color: BLACK });
}
