import { PageSizes, PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pageTexts } from "@/test/pdf-content";
import { renderPackingSlip, type PackingSlipLine } from "./render-packing-slip";

const shipTo = { name: "山田 太郎", line1: "1-2-3 Shibuya", city: "Tokyo", postalCode: "150-0002", country: "JP" };
const slip = { orderNumber: 100042, shipmentRef: "SHP-100042-1", placedAt: new Date("2026-12-03T23:30:00Z"), shipTo };

describe("renderPackingSlip", () => {
  it("parses, on Letter by default, and lists every line's SKU, item and quantity", async () => {
    const lines: PackingSlipLine[] = [
      { sku: "TEE-BLU-M", title: "Organic tee", variant: "Blue / M", quantity: 2 },
      { sku: "MUG-01", title: "Stoneware mug", variant: "", quantity: 1 },
      { sku: "SCARF-ZOE", title: "Zoë's scarf", variant: "Ångström grey", quantity: 12 },
    ];
    const doc = await PDFDocument.load(await renderPackingSlip({ ...slip, lines }));
    expect(doc.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([PageSizes.Letter]);
    const [texts] = pageTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(["Packing slip", "Order #100042", "Shipment SHP-100042-1", "Placed 3 December 2026"]));
    expect(texts).toEqual(expect.arrayContaining(["?? ??", "1-2-3 Shibuya", "Tokyo 150-0002", "Japan"]));
    for (const [sku, item, quantity] of [
      ["TEE-BLU-M", "Organic tee (Blue / M)", "2"],
      ["MUG-01", "Stoneware mug", "1"],
      ["SCARF-ZOE", "Zoë's scarf (Ångström grey)", "12"],
    ]) {
      const at = texts!.indexOf(sku!);
      expect(texts!.slice(at, at + 3), sku).toEqual([sku, item, quantity]);
    }
    expect(texts!.at(-1)).toBe("3 lines, 15 items");
  });

  it("runs over onto more pages, on A4 when asked, repeating the header and keeping every line once", async () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({ sku: `SKU-${i + 1}`, title: `Item ${i + 1}`, variant: "", quantity: 1 }));
    const doc = await PDFDocument.load(await renderPackingSlip({ ...slip, lines, paper: "a4" }));
    expect(doc.getPageCount()).toBeGreaterThan(1);
    expect(doc.getPages().every((p) => p.getWidth() === PageSizes.A4[0] && p.getHeight() === PageSizes.A4[1])).toBe(true);
    const pages = pageTexts(doc);
    expect(pages.every((texts) => texts.includes("Order #100042") && texts.includes("Qty"))).toBe(true);
    const skus = pages.flat().filter((t) => t.startsWith("SKU-"));
    expect(skus).toEqual(lines.map((l) => l.sku));
    expect(pages.at(-1)!.at(-1)).toBe("70 lines, 70 items");
  });
});
