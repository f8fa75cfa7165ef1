import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSns, type FakeSns } from "@/test/fake-sns";
import { PermanentSendError } from "./mail-sender";
import { createSnsSmsSender } from "./sns-sms-sender";

let fake: FakeSns;
const credentials = { accessKeyId: "AKIAFAKESNSTEST", secretAccessKey: "fake-secret" };

beforeAll(async () => {
  fake = await startFakeSns({ region: "eu-west-1" });
});
afterAll(() => fake.close());

const sender = () => createSnsSmsSender({ region: "eu-west-1", endpoint: fake.url, credentials });

describe("SMS through SNS", () => {
  it("sends a well-formed, SigV4-signed Publish to the phone number, and keeps SNS's MessageId", async () => {
    const sent = await sender().send({ id: "7b1e3c2a-0000-4000-8000-000000000001", to: "+447700900123", text: "Emporium: Order #1 shipped." });
    const [publish] = fake.published;
    expect(sent.providerMessageId).toBe(`sns-${publish!.messageId}`);
    expect(publish!.params).toMatchObject({ Action: "Publish", Version: "2010-03-31", PhoneNumber: "+447700900123", Message: "Emporium: Order #1 shipped." });
    expect(publish!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKESNSTEST\/\d{8}\/eu-west-1\/sns\/aws4_request, SignedHeaders=\S+, Signature=[0-9a-f]{64}$/);
    const attributes = Object.entries(publish!.params).filter(([k]) => k.startsWith("MessageAttributes.entry."));
    expect(Object.fromEntries(attributes)).toMatchObject({ "MessageAttributes.entry.1.Name": "AWS.SNS.SMS.SMSType", "MessageAttributes.entry.1.Value.StringValue": "Transactional" });
  });

  it("an outage and throttling are errors to retry; a number SNS refuses is a refusal for good", async () => {
    fake.fail("InternalError", "Throttling", "InvalidParameter");
    const message = { id: "7b1e3c2a-0000-4000-8000-000000000002", to: "+447700900123", text: "hello" };
    const outage = await sender().send(message).catch((e: unknown) => e);
    expect(outage).toBeInstanceOf(Error);
    expect(outage).not.toBeInstanceOf(PermanentSendError);
    expect((outage as Error).message).toMatch(/^SNS 500: InternalError/);
    const throttled = await sender().send(message).catch((e: unknown) => e);
    expect(throttled).not.toBeInstanceOf(PermanentSendError);
    expect((throttled as Error).message).toMatch(/^SNS 400: Throttling/);
    await expect(sender().send(message)).rejects.toBeInstanceOf(PermanentSendError);
    expect(fake.requests.filter((r) => r.params.Message === "hello")).toHaveLength(3);
  });
});
