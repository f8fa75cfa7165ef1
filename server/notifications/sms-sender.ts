/** One text message; `id` is our message id (the notification's). */
export interface OutgoingSms {
  id: string;
  /** E.164, e.g. +447700900123. */
  to: string;
  text: string;
}

/** Where SMS go: AWS SNS when SNS_REGION is set, else the dev mailbox. A refusal for good throws PermanentSendError. */
export interface SmsSender {
  name: "sns" | "mailbox";
  send(message: OutgoingSms): Promise<{ providerMessageId: string }>;
}
