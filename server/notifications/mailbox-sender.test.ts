import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mailboxMessages } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { startFakeSmtp, type FakeSmtp } from "@/test/fake-smtp";
import { log } from "../log";
import { createMailboxSender } from "./mailbox-sender";

const t = useTestDatabase();
let smtp: FakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(() => smtp.close());

const message = (id = randomUUID()) => ({
  id,
  from: "Emporium <shop@localhost>",
  to: "reader@shop.test",
  subject: "Your order #100001",
  html: "<p>Thanks for your order</p>",
  text: "Thanks for your order",
  headers: { "X-Emporium-Message-Id": id },
});

describe("the dev mailbox", () => {
  it("stores a message once however often it is sent, and relays that one copy to the SMTP catcher", async () => {
    const sender = createMailboxSender(t.db, { smtpUrl: smtp.url });
    const sent = message();
    const first = await sender.send(sent);
    const again = await sender.send({ ...sent, subject: "changed on a retry" });
    expect(again).toEqual(first);
    const stored = await t.db.select().from(mailboxMessages).where(eq(mailboxMessages.id, sent.id));
    expect(stored).toEqual([expect.objectContaining({ subject: "Your order #100001", html: sent.html, text: sent.text, headers: sent.headers })]);
    const caught = smtp.messages.filter((m) => m.data.includes(sent.id));
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ from: "shop@localhost", to: ["reader@shop.test"] });
    expect(caught[0]!.data).toMatch(/^Subject: Your order #100001\r$/m);
  });

  it("keeps the message when the catcher is not there, and says so", async () => {
    const warn = vi.spyOn(log(), "warn");
    const sender = createMailboxSender(t.db, { smtpUrl: "smtp://127.0.0.1:1" });
    const sent = message();
    await sender.send(sent);
    expect(await t.db.select({ id: mailboxMessages.id }).from(mailboxMessages).where(eq(mailboxMessages.id, sent.id))).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ messageId: sent.id }), expect.stringContaining("could not relay the message"));
    warn.mockRestore();
  });
});
