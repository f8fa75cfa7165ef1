import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32 } from "node:zlib";

export interface FakeS3Object {
  bytes: Buffer;
  contentType: string;
  etag: string;
  /** base64 of the big-endian CRC32, when the client sent x-amz-checksum-crc32 (S3 keeps it and verifies it). */
  crc32?: string;
  lastModified: Date;
}

export interface FakeS3Request {
  method: string;
  /** The request path as sent: /bucket/key, URL-encoded. */
  path: string;
  authorization: string | undefined;
  headers: IncomingMessage["headers"];
}

type Fault = "AccessDenied" | "InternalError";

const FAULTS: Record<Fault, { status: number; message: string }> = {
  AccessDenied: { status: 403, message: "Access Denied" },
  InternalError: { status: 500, message: "We encountered an internal error. Please try again." },
};

// AWS Signature Version 4 for service s3 in a region: scope, signed headers, a hex signature (not recomputed here).
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}$/;
const UNCHECKED_PAYLOAD = new Set(["UNSIGNED-PAYLOAD"]);

const crc32Base64 = (bytes: Buffer) => {
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(bytes));
  return sum.toString("base64");
};

/**
 * A local stand-in for the S3 REST API on 127.0.0.1 and a random port, for the SDK's `endpoint` with path-style
 * addressing: PUT, GET and DELETE /<bucket>/<key> on the one bucket it is given. Every request must carry a SigV4
 * Authorization header for s3 in its region, x-amz-date and an x-amz-content-sha256 that matches the body (the signature
 * itself is not recomputed). A PUT's x-amz-checksum-crc32 is verified and kept, and returned on a GET that asks for
 * checksums, as S3 does. Errors are S3's XML <Error> documents: NoSuchKey, NoSuchBucket, BadDigest, and the faults it is
 * told to raise.
 */
export async function startFakeS3(options: { bucket: string; region: string }) {
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3Request[] = [];
  let faults: Fault[] = [];

  function error(res: ServerResponse, status: number, code: string, message: string, resource: string) {
    res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": randomUUID() });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>${randomUUID()}</RequestId></Error>`);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake-s3");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname, authorization: req.headers.authorization, headers: req.headers });

    const signed = req.headers.authorization ? SIGV4.exec(req.headers.authorization) : null;
    const payloadHash = req.headers["x-amz-content-sha256"];
    if (!signed || signed[2] !== options.region || !signed[3]!.split(";").includes("host") || !req.headers["x-amz-date"] || typeof payloadHash !== "string") {
      return error(res, 403, "AccessDenied", "The request must carry a SigV4 Authorization header for s3 in this region, x-amz-date and x-amz-content-sha256", url.pathname);
    }
    if (!UNCHECKED_PAYLOAD.has(payloadHash) && payloadHash !== createHash("sha256").update(body).digest("hex")) {
      return error(res, 400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", url.pathname);
    }
    if (String(req.headers["content-encoding"] ?? "").includes("aws-chunked")) {
      return error(res, 501, "NotImplemented", "aws-chunked uploads are not handled by this fake", url.pathname);
    }

    const [, bucket, ...rest] = url.pathname.split("/");
    if (decodeURIComponent(bucket ?? "") !== options.bucket) return error(res, 404, "NoSuchBucket", "The specified bucket does not exist", url.pathname);
    const key = rest.map(decodeURIComponent).join("/");
    if (!key) return error(res, 400, "InvalidRequest", "only object requests (/bucket/key) are handled by this fake", url.pathname);

    const fault = faults.shift();
    if (fault) return error(res, FAULTS[fault].status, fault, FAULTS[fault].message, url.pathname);

    if (method === "PUT") {
      const sentCrc = req.headers["x-amz-checksum-crc32"];
      if (typeof sentCrc === "string" && sentCrc !== crc32Base64(body)) return error(res, 400, "BadDigest", "The CRC32 you specified did not match the calculated checksum.", url.pathname);
      const etag = `"${createHash("md5").update(body).digest("hex")}"`;
      const contentType = req.headers["content-type"] ?? "binary/octet-stream";
      objects.set(key, { bytes: body, contentType, etag, crc32: typeof sentCrc === "string" ? sentCrc : undefined, lastModified: new Date() });
      res.writeHead(200, { etag, ...(typeof sentCrc === "string" && { "x-amz-checksum-crc32": sentCrc }) });
      return res.end();
    }
    if (method === "GET") {
      const object = objects.get(key);
      if (!object) return error(res, 404, "NoSuchKey", "The specified key does not exist.", url.pathname);
      const withChecksum = req.headers["x-amz-checksum-mode"] === "ENABLED" && object.crc32;
      res.writeHead(200, {
        "content-type": object.contentType,
        "content-length": object.bytes.length,
        etag: object.etag,
        "last-modified": object.lastModified.toUTCString(),
        ...(withChecksum && { "x-amz-checksum-crc32": object.crc32 }),
      });
      return res.end(object.bytes);
    }
    if (method === "DELETE") {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    return error(res, 405, "MethodNotAllowed", `${method} is not handled by this fake`, url.pathname);
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    bucket: options.bucket,
    region: options.region,
    objects,
    requests,
    /** The next object requests answer these faults, one each, in order. */
    fail(...next: Fault[]) {
      faults = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeS3 = Awaited<ReturnType<typeof startFakeS3>>;
