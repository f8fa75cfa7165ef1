/** What a push notification shows, as public/sw.js reads it: a title, a line of text, the page a click opens. */
export type PushPayload = {
  title: string;
  body: string;
  url: string;
};

/** One push message to every browser a shopper subscribed; `id` is our message id (the notification's). */
export interface OutgoingPush {
  id: string;
  userId: string;
  payload: PushPayload;
}

/**
 * Where push goes: the browsers' push services, signed with our VAPID keys, when they are set; else the dev mailbox.
 * A shopper with no live subscription left is a refusal for good (PermanentSendError).
 */
export interface PushSender {
  name: "web-push" | "mailbox";
  send(message: OutgoingPush): Promise<{ providerMessageId: string }>;
}
