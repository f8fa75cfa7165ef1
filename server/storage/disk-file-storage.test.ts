import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskFileStorage } from "./disk-file-storage";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "emporium-files-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("file storage on local disk", () => {
  it("round-trips bytes and content type, replaces on a second put, and leaves no temporary file", async () => {
    const storage = createDiskFileStorage(root);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xff]);
    await storage.put("shipments/s-1/label.pdf", bytes, "application/pdf");
    expect(await storage.get("shipments/s-1/label.pdf")).toEqual({ bytes, contentType: "application/pdf" });
    expect(await readFile(path.join(root, "shipments", "s-1", "label.pdf"))).toEqual(Buffer.concat([Buffer.from("application/pdf\n"), bytes]));

    await storage.put("shipments/s-1/label.pdf", new Uint8Array([7]), "text/plain; charset=utf-8");
    expect(await storage.get("shipments/s-1/label.pdf")).toEqual({ bytes: new Uint8Array([7]), contentType: "text/plain; charset=utf-8" });
    expect(await readdir(path.join(root, "shipments", "s-1"))).toEqual(["label.pdf"]);
  });

  it("a missing key is null, and deleting twice is fine", async () => {
    const storage = createDiskFileStorage(root);
    expect(await storage.get("shipments/none/label.pdf")).toBeNull();
    await storage.put("shipments/s-2/slip.pdf", new Uint8Array([1, 2]), "application/pdf");
    await storage.delete("shipments/s-2/slip.pdf");
    await storage.delete("shipments/s-2/slip.pdf");
    expect(await storage.get("shipments/s-2/slip.pdf")).toBeNull();
  });

  it("refuses keys that could leave the folder or hide a file, and content types that could break the header", async () => {
    const storage = createDiskFileStorage(root);
    const bad = ["../outside", "a/../../outside", "/etc/passwd", "a//b", "a/", ".hidden", "a/.tmp", "a\\b", "a b", "naïve", "a/b..c", "", "x".repeat(513)];
    for (const key of bad) {
      await expect(storage.put(key, new Uint8Array([1]), "text/plain"), key).rejects.toThrow(/invalid file key/);
      await expect(storage.get(key), key).rejects.toThrow(/invalid file key/);
      await expect(storage.delete(key), key).rejects.toThrow(/invalid file key/);
    }
    await expect(storage.put("ok", new Uint8Array([1]), "text/plain\nx")).rejects.toThrow(/invalid content type/);
    expect(await readdir(root)).toEqual(["shipments"]);
  });
});
