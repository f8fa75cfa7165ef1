import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSmsPublish {
  messageId: string;
  phoneNumber: string;
  message: string;
  /** Every form field of the request, as posted (Action, Version, MessageAttributes.entry.N.…). */
  params: Record<string, string>;
  authorization: string;
}

type Fault = "InternalError" | "Throttling" | "InvalidParameter";

const FAULTS: Record<Fault, { status: number; type: "Sender" | "Receiver"; message: string }> = {
  InternalError: { status: 500, type: "Receiver", message: "fake SNS is down" },
  Throttling: { status: 400, type: "Sender", message: "Rate exceeded" },
  InvalidParameter: { status: 400, type: "Sender", message: "Invalid parameter: PhoneNumber Reason: not a valid phone number" },
};

// AWS Signature Version 4, as the SDK signs for region `r` and service sns: scope, signed headers, a hex signature.
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[A-Z0-9]+\/(\d{8})\/([a-z0-9-]+)\/sns\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

const xml = (body: string) => `<?xml version="1.0"?>\n${body}`;

/**
 * A local stand-in for the AWS SNS Query API on 127.0.0.1 and a random port, for the SDK's `endpoint`. Accepts
 * POST / form-encoded `Action=Publish&Version=2010-03-31&PhoneNumber=…&Message=…` carrying a SigV4 Authorization
 * header for sns in its region (the signature itself is not recomputed), answers a PublishResponse with a MessageId,
 * and answers SNS's ErrorResponse for anything else, or for the faults it is told to raise.
 */
export async function startFakeSns(options: { region: string }) {
  const published: FakeSmsPublish[] = [];
  const requests: { params: Record<string, string>; authorization: string | undefined; contentType: string | undefined }[] = [];
  let faults: Fault[] = [];

  function error(res: ServerResponse, status: number, type: string, code: string, message: string) {
    res.writeHead(status, { "content-type": "text/xml" });
    res.end(xml(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`));
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
    const authorization = req.headers.authorization;
    requests.push({ params, authorization, contentType: req.headers["content-type"] });
    const signed = authorization ? SIGV4.exec(authorization) : null;
    if (!signed || signed[2] !== options.region || !signed[3]!.split(";").includes("host") || !req.headers["x-amz-date"]) {
      return error(res, 403, "Sender", "IncompleteSignature", "The request must carry a SigV4 Authorization header for sns in this region");
    }
    if (req.method !== "POST" || req.url !== "/" || !req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
      return error(res, 400, "Sender", "InvalidAction", "POST / with a form-encoded body");
    }
    if (params.Action !== "Publish" || params.Version !== "2010-03-31") return error(res, 400, "Sender", "InvalidAction", `${params.Action} is not handled here`);
    const fault = faults.shift();
    if (fault) return error(res, FAULTS[fault].status, FAULTS[fault].type, fault, FAULTS[fault].message);
    if (!params.PhoneNumber || !/^\+[1-9]\d{6,14}$/.test(params.PhoneNumber) || !params.Message) return error(res, 400, "Sender", "InvalidParameter", FAULTS.InvalidParameter.message);
    const messageId = randomUUID();
    published.push({ messageId, phoneNumber: params.PhoneNumber, message: params.Message, params, authorization: authorization! });
    res.writeHead(200, { "content-type": "text/xml" });
    res.end(
      xml(
        `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
      ),
    );
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    region: options.region,
    published,
    requests,
    /** The next Publish requests answer these faults, one each, in order. */
    fail(...next: Fault[]) {
      faults = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeSns = Awaited<ReturnType<typeof startFakeSns>>;
