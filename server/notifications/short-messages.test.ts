import { describe, expect, it } from "vitest";
import { pushPayload, SHIPPING_MILESTONES, smsText } from "./short-messages";

const facts = { shopName: "Emporium", orderNumber: 1042, url: "https://shop.test/orders/o-1" };

describe("SMS and push texts", () => {
  it("each shipping milestone is one short plain line naming the order, with its link", () => {
    for (const kind of SHIPPING_MILESTONES) {
      const text = smsText(kind, facts);
      expect(text).toMatch(/^Emporium: Order #1042/);
      expect(text.endsWith(" https://shop.test/orders/o-1")).toBe(true);
      expect(text).not.toMatch(/[<>\n]/);
      expect(text.length).toBeLessThanOrEqual(160);
    }
    expect(smsText("out-for-delivery", facts)).toBe("Emporium: Order #1042 out for delivery. Your parcel arrives today. https://shop.test/orders/o-1");
  });

  it("the push says the same as a title, a line and the page a click opens", () => {
    expect(pushPayload("delivered", facts)).toEqual({ title: "Order #1042 delivered", body: "Your parcel has been delivered.", url: facts.url });
  });
});
