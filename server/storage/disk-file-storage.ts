import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { assertContentType, assertFileKey, type FileStorage } from "./file-storage";

const HEADER_END = 0x0a;

/**
 * Files on local disk under `root` (.data/files/ by default), one file per key at root/<key>. The content type is the
 * file's first line and the bytes follow it, so one rename publishes both: a put writes a temporary file beside the
 * target (a dot name, which no valid key can take), flushes it and renames it over the target, and a reader sees the
 * old file or the new one, never half of either.
 */
export function createDiskFileStorage(root: string): FileStorage {
  const fileFor = (key: string) => {
    assertFileKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    name: "disk",
    async put(key, bytes, contentType) {
      const target = fileFor(key);
      assertContentType(contentType);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
      const file = await open(temporary, "wx");
      try {
        await file.writeFile(Buffer.concat([Buffer.from(`${contentType}\n`, "ascii"), bytes]));
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      let stored: Buffer;
      try {
        stored = await readFile(fileFor(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      const end = stored.indexOf(HEADER_END);
      if (end < 0) throw new Error(`stored file ${key} has no content-type line`);
      return { contentType: stored.subarray(0, end).toString("ascii"), bytes: new Uint8Array(stored.subarray(end + 1)) };
    },
    async delete(key) {
      try {
        await unlink(fileFor(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
  };
}
