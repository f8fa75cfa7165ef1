import type { SNSServiceException } from "@aws-sdk/client-sns";
import { PermanentSendError } from "./mail-sender";
import type { SmsSender } from "./sms-sender";

// Client faults a retry cannot turn around (a malformed number, an opted-out phone, no permission); throttling can.
const retryable = (error: SNSServiceException) => error.$fault === "server" || error.$retryable !== undefined || /Throttl/.test(error.name);

/**
 * SMS through AWS SNS: Publish straight to the phone number, as a transactional message (SNS routes those for delivery
 * over cost). The SDK makes one attempt: the send-notification function retries with its own backoff and records the
 * message failed once its retries run out. SNS keeps no idempotency key for SMS, so a crash between its answer and our
 * record can send the text twice; the message id rides along as an attribute for tracing.
 */
export function createSnsSmsSender(options: { region: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } }): SmsSender {
  // The SDK loads with the first text sent, not with the server.
  const connecting = import("@aws-sdk/client-sns").then((sdk) => ({
    sdk,
    sns: new sdk.SNSClient({ region: options.region, endpoint: options.endpoint, credentials: options.credentials, maxAttempts: 1 }),
  }));
  return {
    name: "sns",
    async send(message) {
      const { sdk, sns } = await connecting;
      try {
        const { MessageId } = await sns.send(
          new sdk.PublishCommand({
            PhoneNumber: message.to,
            Message: message.text,
            MessageAttributes: {
              "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
              "Emporium.MessageId": { DataType: "String", StringValue: message.id },
            },
          }),
        );
        if (!MessageId) throw new Error("SNS answered Publish without a MessageId");
        return { providerMessageId: `sns-${MessageId}` };
      } catch (error) {
        if (!(error instanceof sdk.SNSServiceException)) throw error;
        const reason = `SNS ${error.$metadata.httpStatusCode ?? "unreachable"}: ${error.name}: ${error.message}`;
        throw retryable(error) ? new Error(reason) : new PermanentSendError(reason);
      }
    },
  };
}
