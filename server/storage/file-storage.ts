/** A stored file: its bytes and the content type it was stored with. */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Where generated files (shipping labels, packing slips) live: S3 when S3_BUCKET is set, else local disk under
 * .data/files/. Keys are checked by `assertFileKey` before either adapter touches them.
 */
export interface FileStorage {
  name: "disk" | "s3";
  /** Stores the bytes under the key, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file, or null when nothing is stored under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

// Segments of letters, digits, '.', '_' and '-', joined by single '/'. Each segment starts with a letter or a digit, so
// there is no absolute path, no empty segment, no '.' or '..' segment and no hidden file; '..' is refused anywhere.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const MAX_KEY_LENGTH = 512;

export function assertFileKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY.test(key) || key.includes("..")) {
    throw new Error(`invalid file key ${JSON.stringify(key.slice(0, 80))}: segments of letters, digits, '.', '_' or '-' joined by '/', each starting with a letter or digit, no '..', at most ${MAX_KEY_LENGTH} characters`);
  }
}

// type/subtype with optional parameters, printable ASCII only: it is written into a file header and an HTTP header.
const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;[\x20-\x7e]*)?$/;

export function assertContentType(contentType: string): void {
  if (contentType.length > 200 || !CONTENT_TYPE.test(contentType)) throw new Error(`invalid content type ${JSON.stringify(contentType.slice(0, 80))}`);
}
