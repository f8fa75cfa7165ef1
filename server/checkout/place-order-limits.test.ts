import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { useTestDatabase } from "@/test/db";
import { trpcCode } from "@/test/trpc-code";

const t = useTestDatabase();
const guest = (cartId: string, ip: string | null) => createCaller({ db: t.db, actor: { type: "anonymous" }, guestCartId: cartId, ip });


describe("checkout.placeOrder limits", () => {
  it("takes ten attempts per cart in ten minutes, from any IP, then answers TOO_MANY_REQUESTS before the verb runs", async () => {
    const cartId = randomUUID();
    for (let i = 0; i < 10; i++) expect(await trpcCode(guest(cartId, `10.3.0.${i}`).checkout.placeOrder({ cartId }))).toBe("NOT_FOUND");
    expect(await trpcCode(guest(cartId, "10.3.1.1").checkout.placeOrder({ cartId }))).toBe("TOO_MANY_REQUESTS");
  });

  it("takes sixty attempts per IP in ten minutes across carts", async () => {
    for (let i = 0; i < 60; i++) {
      const cartId = randomUUID();
      expect(await trpcCode(guest(cartId, "10.4.0.1").checkout.placeOrder({ cartId }))).toBe("NOT_FOUND");
    }
    const cartId = randomUUID();
    expect(await trpcCode(guest(cartId, "10.4.0.1").checkout.placeOrder({ cartId }))).toBe("TOO_MANY_REQUESTS");
    expect(await trpcCode(guest(cartId, "10.4.0.2").checkout.placeOrder({ cartId }))).toBe("NOT_FOUND");
  });
});
