import { describe, expect, it } from "vitest";
import { returnUrl, withOrderToken } from "./pay-links";

describe("pay links", () => {
  it("leaves a signed-in owner's path bare", () => {
    expect(withOrderToken("/orders/4f1c", undefined)).toBe("/orders/4f1c");
    expect(withOrderToken("/pay/4f1c", "")).toBe("/pay/4f1c");
  });

  it("keeps a guest's token, encoded so its signature survives the query string", () => {
    const token = "4f1c.ab+c/d=";
    const path = withOrderToken("/orders/4f1c", token);
    expect(path).toBe("/orders/4f1c?token=4f1c.ab%2Bc%2Fd%3D");
    expect(new URL(path, "http://shop.test").searchParams.get("token")).toBe(token);
  });

  it("makes Stripe's return URL absolute on the shop's origin, token included", () => {
    const url = returnUrl("https://shop.example", withOrderToken("/orders/4f1c", "t+1"));
    expect(url).toBe("https://shop.example/orders/4f1c?token=t%2B1");
    expect(new URL(url).searchParams.get("token")).toBe("t+1");
  });
});
