import type { TrackerUpdatedEvent } from "./tracking-timeline";
import { signCarrierWebhook } from "./verify-carrier-webhook";

/**
 * Posts the carrier simulator's tracker events to our own webhook route, one after another, each signed the way
 * EasyPost signs (X-Hmac-Signature over the raw body). Answers the status of each delivery; a failed request is
 * reported, not retried (the timeline's own duplicates are the retries).
 */
export async function postTrackingEvents(input: { url: string; secret: string; events: TrackerUpdatedEvent[]; timeoutMs?: number }): Promise<number[]> {
  const statuses: number[] = [];
  for (const event of input.events) {
    const body = JSON.stringify(event);
    const response = await fetch(input.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Emporium carrier simulator", "x-hmac-signature": signCarrierWebhook(body, input.secret) },
      body,
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    }).catch(() => null);
    await response?.arrayBuffer().catch(() => undefined);
    statuses.push(response?.status ?? 0);
  }
  return statuses;
}
