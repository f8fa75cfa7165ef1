import { describe, expect, it } from "vitest";
import { createLogger, withRequestId } from "./log";

function capture(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line), level: "info", env });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("server logs", () => {
  it("writes one JSON object per line, each line inside a request carrying its id", () => {
    const { logger, parsed } = capture();
    withRequestId("req-1", () => {
      logger.info("first");
      logger.warn({ orderId: "o-1" }, "second");
    });
    logger.info("outside");
    const [first, second, outside] = parsed();
    expect(first).toMatchObject({ level: 30, msg: "first", requestId: "req-1" });
    expect(second).toMatchObject({ level: 40, msg: "second", orderId: "o-1", requestId: "req-1" });
    expect(outside).not.toHaveProperty("requestId");
  });

  it("masks a secret variable's value, a connection URL's password and a card number inside an error", () => {
    const env = { STRIPE_SECRET_KEY: "sk_test_51Secretvalue", NEXTAUTH_SECRET: "n".repeat(40) };
    const { logger, lines } = capture(env);
    const error = new Error(`Stripe refused key sk_test_51Secretvalue; postgres://app:hunter2pass@db:5432/shop down; card 4242 4242 4242 4242`);
    logger.error({ err: error, session: "n".repeat(40) }, "checkout failed");
    const line = lines.join("");
    expect(line).not.toContain("sk_test_51Secretvalue");
    expect(line).not.toContain("hunter2pass");
    expect(line).not.toContain("4242 4242 4242 4242");
    expect(line).not.toContain("n".repeat(40));
    expect(JSON.parse(line).err.message).toBe("Stripe refused key [redacted]; postgres://app:[redacted]@db:5432/shop down; card [card]");
  });

  it("leaves numbers that are not card numbers (times, amounts, ids) as they are", () => {
    const { logger, parsed } = capture();
    logger.info({ at: 1796288126155, amount: 349900, order: "4242424242424241" }, "paid");
    expect(parsed()[0]).toMatchObject({ at: 1796288126155, amount: 349900, order: "4242424242424241" });
  });

  it("redacts credentials and personal data by field name, at any of the first three levels", () => {
    const { logger, parsed } = capture();
    logger.info(
      {
        password: "pw",
        headers: { authorization: "Bearer abc", cookie: "next-auth.session-token=abc", "stripe-signature": "t=1,v1=x" },
        user: { email: "ann@example.com", phone: "+441234567890" },
        order: { shippingAddress: { line1: "1 High St" } },
      },
      "signed in",
    );
    expect(parsed()[0]).toMatchObject({
      password: "[redacted]",
      headers: { authorization: "[redacted]", cookie: "[redacted]", "stripe-signature": "[redacted]" },
      user: { email: "[redacted]", phone: "[redacted]" },
      order: { shippingAddress: "[redacted]" },
    });
  });

  it("prints readable lines when asked to (development)", () => {
    const lines: string[] = [];
    createLogger({ write: (line) => lines.push(line), level: "info", pretty: true, env: {} }).info({ orderId: "o-1" }, "order placed");
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: order placed\n\s+orderId: "o-1"/);
  });
});
