import { describe, expect, it } from "vitest";
import { documentKey } from "./document-key";

describe("documentKey", () => {
  it("files a shipment's label and packing slip under its id, and refuses an id that is not one segment", () => {
    const id = "0b7c7f3e-4a4f-4c1e-9d7e-3b1f2f6f0a11";
    expect(documentKey("label", id)).toBe(`shipments/${id}/label.pdf`);
    expect(documentKey("packing-slip", id)).toBe(`shipments/${id}/packing-slip.pdf`);
    for (const bad of ["", "..", "a/b", "../x", ".x"]) expect(() => documentKey("label", bad), bad).toThrow();
  });
});
