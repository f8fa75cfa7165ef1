import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeS3, type FakeS3 } from "@/test/fake-s3";
import { createS3FileStorage } from "./s3-file-storage";

let fake: FakeS3;
const credentials = { accessKeyId: "AKIAFAKES3TEST", secretAccessKey: "fake-secret" };

beforeAll(async () => {
  fake = await startFakeS3({ bucket: "emporium-files", region: "eu-west-1" });
});
afterAll(() => fake.close());

const storage = () => createS3FileStorage({ bucket: "emporium-files", region: "eu-west-1", endpoint: fake.url, credentials });

describe("file storage on S3", () => {
  it("puts, gets and deletes an object at /bucket/key, path-style and SigV4-signed", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);
    await storage().put("shipments/abc/label.pdf", bytes, "application/pdf");
    expect(fake.objects.get("shipments/abc/label.pdf")).toMatchObject({ bytes: Buffer.from(bytes), contentType: "application/pdf", crc32: expect.any(String) });
    const [put] = fake.requests;
    expect(put).toMatchObject({ method: "PUT", path: "/emporium-files/shipments/abc/label.pdf" });
    expect(put!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKES3TEST\/\d{8}\/eu-west-1\/s3\/aws4_request, ?SignedHeaders=\S+, ?Signature=[0-9a-f]{64}$/);

    expect(await storage().get("shipments/abc/label.pdf")).toEqual({ bytes, contentType: "application/pdf" });
    await storage().delete("shipments/abc/label.pdf");
    expect(fake.objects.has("shipments/abc/label.pdf")).toBe(false);
    expect(fake.requests.map((r) => r.method)).toEqual(["PUT", "GET", "DELETE"]);
  });

  it("a missing key is null, deleting one is fine; a refusal is an error, not a missing file", async () => {
    expect(await storage().get("shipments/none/label.pdf")).toBeNull();
    await expect(storage().delete("shipments/none/label.pdf")).resolves.toBeUndefined();
    fake.fail("AccessDenied");
    await expect(storage().get("shipments/none/label.pdf")).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("refuses a bad key before any request is made", async () => {
    const before = fake.requests.length;
    await expect(storage().put("../etc/passwd", new Uint8Array([1]), "text/plain")).rejects.toThrow(/invalid file key/);
    await expect(storage().get("/absolute")).rejects.toThrow(/invalid file key/);
    expect(fake.requests).toHaveLength(before);
  });
});
