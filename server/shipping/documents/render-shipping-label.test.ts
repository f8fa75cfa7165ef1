import { toBuffer } from "bwip-js/node";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { ShippingAddress } from "@/db/schema/orders";
import { pageImages, pageTexts } from "@/test/pdf-content";
import { readCode128 } from "@/test/read-code128";
import { LABEL_SIZE, renderShippingLabel } from "./render-shipping-label";

const from: ShippingAddress = { name: "Emporium Warehouse", line1: "1 Dock Road", city: "London", postalCode: "E16 2QU", country: "GB" };
const to: ShippingAddress = { name: "Zoë Ångström", line1: "Drottninggatan 5", line2: "Lgh 1102", city: "Stockholm", postalCode: "111 51", country: "SE" };
const label = { carrier: "USPS", service: "Priority", from, to, weightGrams: 1250, shipmentRef: "SHP-100042-1" };

/** The barcode in the label, read from the middle row of the image embedded in the PDF. */
function barcodeIn(doc: PDFDocument): string {
  const [image, ...others] = pageImages(doc.getPage(0));
  expect(others).toHaveLength(0);
  expect(image!.hasSoftMask).toBe(false);
  const { width, height, components, pixels } = image!;
  const middle = Math.floor(height / 2) * width * components;
  const row = Array.from({ length: width }, (_, x) => pixels[middle + x * components]! < 128);
  return readCode128(row);
}

describe("renderShippingLabel", () => {
  it("is one 4×6 inch page with both addresses, the carrier and service, and the tracking code under its barcode", async () => {
    const doc = await PDFDocument.load(await renderShippingLabel({ ...label, trackingCode: "9400111899223197428490" }));
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual(LABEL_SIZE);
    const [texts] = pageTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(["Emporium Warehouse", "1 Dock Road", "London E16 2QU", "United Kingdom"]));
    expect(texts).toEqual(expect.arrayContaining(["Zoë Ångström", "Drottninggatan 5", "Lgh 1102", "Stockholm 111 51", "Sweden"]));
    expect(texts).toContain("USPS · PRIORITY");
    expect(texts).toContain("Weight 1.25 kg   Ref SHP-100042-1");
    expect(texts!.at(-1)).toBe("9400111899223197428490");
  });

  it("the barcode decodes to the tracking code, through code sets B and C", async () => {
    for (const trackingCode of ["9400111899223197428490", "EZ1000000001", "1Z999AA10123456784", "ab-CD_7"]) {
      const doc = await PDFDocument.load(await renderShippingLabel({ ...label, trackingCode }));
      expect(barcodeIn(doc)).toBe(trackingCode);
    }
  });

  it("embeds bwip-js's own rendering of the code, pixel for pixel", async () => {
    const doc = await PDFDocument.load(await renderShippingLabel({ ...label, trackingCode: "EZ1000000001" }));
    const png = await toBuffer({ bcid: "code128", text: "EZ1000000001", scale: 2, height: 20, includetext: false, backgroundcolor: "FFFFFF" });
    const reference = await PDFDocument.create();
    reference.addPage().drawImage(await reference.embedPng(png));
    const [expected] = pageImages((await PDFDocument.load(await reference.save())).getPage(0));
    const [image] = pageImages(doc.getPage(0));
    expect(image).toEqual(expected);
  });

  it("draws a name in a script Helvetica cannot as '?', and refuses a code Code 128 cannot carry", async () => {
    const doc = await PDFDocument.load(await renderShippingLabel({ ...label, to: { ...to, name: "山田 太郎", line1: "Łódzka 3" }, trackingCode: "EZ2" }));
    const [texts] = pageTexts(doc);
    expect(texts).toEqual(expect.arrayContaining(["?? ??", "Lódzka 3"]));
    await expect(renderShippingLabel({ ...label, trackingCode: "EZ 1" })).rejects.toThrow(/cannot be printed as Code 128/);
    await expect(renderShippingLabel({ ...label, trackingCode: "EZ–1" })).rejects.toThrow(/cannot be printed as Code 128/);
  });
});
