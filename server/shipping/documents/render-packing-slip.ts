import { PageSizes, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { ShippingAddress } from "@/db/schema/orders";
import { addressLines } from "./address-lines";
import { fitText } from "./safe-text";

export interface PackingSlipLine {
  sku: string;
  title: string;
  /** The variant's name, e.g. "Blue / M"; empty for a product with one variant. */
  variant: string;
  quantity: number;
}

export interface PackingSlipInput {
  orderNumber: number | string;
  shipmentRef: string;
  placedAt: Date;
  shipTo: ShippingAddress;
  lines: PackingSlipLine[];
  paper?: "letter" | "a4";
}

const MARGIN = 48;
const ROW = 18;
const GREY = rgb(0.45, 0.45, 0.45);
const BLACK = rgb(0, 0, 0);
const placedDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A packing slip for one shipment: order and shipment, the address, and every line with its SKU and quantity; more pages when the lines run over. */
export async function renderPackingSlip(input: PackingSlipInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Packing slip ${input.shipmentRef}`);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [pageWidth, pageHeight] = input.paper === "a4" ? PageSizes.A4 : PageSizes.Letter;
  const columns = { sku: MARGIN, item: MARGIN + 130, quantity: pageWidth - MARGIN - 40 };

  let page: PDFPage;
  let y = 0;
  const text = (value: string, x: number, size: number, font: PDFFont, maxWidth: number, color = BLACK) =>
    page.drawText(fitText(font, value, size, maxWidth), { x, y, size, font, color });

  const startPage = () => {
    page = doc.addPage([pageWidth, pageHeight]);
    y = pageHeight - MARGIN - 20;
    text("Packing slip", MARGIN, 20, bold, 300);
    text(`Order #${input.orderNumber}`, columns.quantity - 160, 11, bold, 200);
    y -= 16;
    text(`Shipment ${input.shipmentRef}`, columns.quantity - 160, 9, regular, 200, GREY);
    y -= 12;
    text(`Placed ${placedDate.format(input.placedAt)}`, columns.quantity - 160, 9, regular, 200, GREY);
  };
  const header = () => {
    y -= 28;
    text("SKU", columns.sku, 9, bold, 120, GREY);
    text("Item", columns.item, 9, bold, 300, GREY);
    text("Qty", columns.quantity, 9, bold, 40, GREY);
    y -= 6;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: pageWidth - MARGIN, y }, thickness: 0.5, color: GREY });
  };

  startPage();
  y -= 10;
  text("Ship to", MARGIN, 9, bold, 200, GREY);
  for (const line of addressLines(input.shipTo)) {
    y -= 14;
    text(line, MARGIN, 11, regular, 300);
  }
  header();
  for (const line of input.lines) {
    if (y - ROW < MARGIN + 30) {
      startPage();
      header();
    }
    y -= ROW;
    text(line.sku, columns.sku, 10, regular, 120);
    text(line.variant ? `${line.title} (${line.variant})` : line.title, columns.item, 10, regular, columns.quantity - columns.item - 16);
    text(String(line.quantity), columns.quantity, 10, bold, 40);
  }
  y -= 28;
  const units = input.lines.reduce((sum, line) => sum + line.quantity, 0);
  text(`${input.lines.length} ${input.lines.length === 1 ? "line" : "lines"}, ${units} ${units === 1 ? "item" : "items"}`, MARGIN, 10, bold, 300);

  return doc.save({ useObjectStreams: false });
}
