import { describe, expect, it } from "vitest";
import type { FileStorage } from "@/server/storage/file-storage";
import { ogPicture } from "./og-picture";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const UUID = "0b6f3f4e-9a1c-4c55-8d1e-2f3a4b5c6d7e";

function storageHolding(files: Record<string, Uint8Array>): () => FileStorage {
  const storage: FileStorage = {
    name: "disk",
    put: async () => {},
    get: async (key) => (files[key] ? { bytes: files[key], contentType: "application/octet-stream" } : null),
    delete: async () => {},
  };
  return () => storage;
}

describe("ogPicture", () => {
  it("draws the generated art as an SVG data URI without a request", async () => {
    const uri = await ogPicture("/img/p/12-1_t-shirts.svg", storageHolding({}));
    expect(uri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(uri!.split(",")[1]!, "base64").toString()).toContain("<svg");
  });

  it("reads an uploaded PNG from storage, trusting its bytes over its name", async () => {
    const storage = storageHolding({ [`products/7/${UUID}.png`]: PNG, [`products/7/${UUID}.jpg`]: new TextEncoder().encode("<svg/>") });
    expect(await ogPicture(`/api/images/products/7/${UUID}.png`, storage)).toBe(`data:image/png;base64,${Buffer.from(PNG).toString("base64")}`);
    expect(await ogPicture(`/api/images/products/7/${UUID}.jpg`, storage)).toBeNull();
  });

  it("gives null for what the card cannot draw or must not fetch", async () => {
    const storage = storageHolding({ [`products/7/${UUID}.webp`]: PNG });
    expect(await ogPicture(`/api/images/products/7/${UUID}.webp`, storage)).toBeNull();
    expect(await ogPicture(`/api/images/products/7/${UUID}.png`, storage)).toBeNull();
    expect(await ogPicture("https://images.example/shirt.jpg", storage)).toBeNull();
    expect(await ogPicture("/img/p/not-a-product.svg", storage)).toBeNull();
  });
});
