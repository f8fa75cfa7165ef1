import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { TRACKER_STATUSES } from "./carrier";
import { postTrackingEvents } from "./post-tracking-events";
import { deliveryOrder, trackingTimeline, type TrackingScript } from "./tracking-timeline";
import { verifyCarrierWebhook } from "./verify-carrier-webhook";

const tracker = { trackingCode: "SIM000000000001", carrier: "SimPost", startedAt: new Date("2026-12-01T09:00:00Z"), destination: { city: "Austin", country: "US" } };
const statuses = (script: TrackingScript) => trackingTimeline(script, tracker).map((e) => e.result.status);

describe("tracking timelines", () => {
  it("play each script's statuses in order, ending where the script says", () => {
    expect(statuses("normal")).toEqual(["pre_transit", "in_transit", "in_transit", "in_transit", "out_for_delivery", "delivered"]);
    expect(statuses("delayed").at(-1)).toBe("delivered");
    expect(trackingTimeline("delayed", tracker).some((e) => e.result.status_detail === "weather_delay")).toBe(true);
    expect(statuses("exception").slice(-2)).toEqual(["failure", "available_for_pickup"]);
    expect(statuses("return_to_sender").slice(-2)).toEqual(["failure", "return_to_sender"]);
    for (const script of ["normal", "delayed", "exception", "return_to_sender"] as const) {
      expect(statuses(script).every((s) => TRACKER_STATUSES.includes(s))).toBe(true);
    }
  });

  it("are EasyPost tracker.updated events with every scan so far, times increasing, the previous status named", () => {
    const events = trackingTimeline("normal", tracker);
    for (const [i, event] of events.entries()) {
      expect(event).toMatchObject({ object: "Event", description: "tracker.updated", result: { object: "Tracker", tracking_code: tracker.trackingCode, id: expect.stringMatching(/^trk_sim_/) } });
      expect(event.result.tracking_details).toHaveLength(i + 1);
      const times = event.result.tracking_details.map((d) => Date.parse(d.datetime));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      if (i > 0) expect(event.previous_attributes.status).toBe(events[i - 1]!.result.status);
    }
    expect(events.at(-1)!.result.tracking_details.at(-1)).toMatchObject({ status: "delivered", tracking_location: { city: "Austin", country: "US" } });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(trackingTimeline("normal", tracker).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it("are delivered with duplicates and out of order", () => {
    const events = trackingTimeline("normal", tracker);
    const order = deliveryOrder(events);
    expect(new Set(order)).toEqual(new Set(events));
    expect(order.length).toBeGreaterThan(events.length);
    const times = order.map((e) => Date.parse(e.created_at));
    expect(times).not.toEqual([...times].sort((a, b) => a - b));
    expect(order.at(-1)).toBe(events.at(-1));
  });

  it("are posted to a webhook URL, each signed the way EasyPost signs", async () => {
    const secret = "carrier-webhook-secret-for-tests";
    const received: { verified: boolean; id: string }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const verified = verifyCarrierWebhook(body, req.headers["x-hmac-signature"] as string | undefined, secret);
        received.push({ verified, id: (JSON.parse(body) as { id: string }).id });
        res.writeHead(verified ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/shipping`;
      const events = deliveryOrder(trackingTimeline("return_to_sender", tracker));
      expect(await postTrackingEvents({ url, secret, events })).toEqual(events.map(() => 200));
      expect(received.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(received.every((r) => r.verified)).toBe(true);
      expect(await postTrackingEvents({ url, secret: "another-secret", events: events.slice(0, 1) })).toEqual([401]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
