import { assertContentType, assertFileKey, type FileStorage } from "./file-storage";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Another S3 API (MinIO, a local fake): addressed path-style, http://host/bucket/key. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Files as objects in one S3 bucket, the key as the object key; credentials from the SDK's default chain unless given. */
export function createS3FileStorage(options: S3StorageOptions): FileStorage {
  // The SDK loads with the first file stored or read, not with the server.
  const connecting = import("@aws-sdk/client-s3").then((sdk) => ({
    sdk,
    s3: new sdk.S3Client({ region: options.region, endpoint: options.endpoint, forcePathStyle: Boolean(options.endpoint), credentials: options.credentials }),
  }));
  const Bucket = options.bucket;

  return {
    name: "s3",
    async put(key, bytes, contentType) {
      assertFileKey(key);
      assertContentType(contentType);
      const { sdk, s3 } = await connecting;
      await s3.send(new sdk.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      assertFileKey(key);
      const { sdk, s3 } = await connecting;
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) throw new Error(`S3 answered GetObject ${key} without a body`);
        return { bytes: await object.Body.transformToByteArray(), contentType: object.ContentType ?? "application/octet-stream" };
      } catch (error) {
        if (error instanceof sdk.NoSuchKey) return null;
        throw error;
      }
    },
    async delete(key) {
      assertFileKey(key);
      const { sdk, s3 } = await connecting;
      await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
