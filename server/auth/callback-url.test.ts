import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site with its query and hash", () => {
    expect(safeCallbackUrl("/checkout?step=2#pay")).toBe("/checkout?step=2#pay");
    expect(safeCallbackUrl(["/orders", "/admin"])).toBe("/orders");
  });

  it.each([undefined, "", "https://evil.test/", "//evil.test/x", "/\\evil.test", "/\t/evil.test", "javascript:alert(1)", "orders"])(
    "sends %j home",
    (raw) => {
      expect(safeCallbackUrl(raw)).toBe("/");
    },
  );
});
