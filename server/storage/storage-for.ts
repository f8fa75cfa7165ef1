import path from "node:path";
import { s3StorageConfig } from "../env";
import { createDiskFileStorage } from "./disk-file-storage";
import type { FileStorage } from "./file-storage";
import { createS3FileStorage } from "./s3-file-storage";

let storage: FileStorage | undefined;

/** S3 when S3_BUCKET is set, else local disk under .data/files/ of the working directory (the project's root). */
export function fileStorage(): FileStorage {
  if (storage) return storage;
  const s3 = s3StorageConfig();
  storage = s3 ? createS3FileStorage(s3) : createDiskFileStorage(path.join(process.cwd(), ".data", "files"));
  return storage;
}
