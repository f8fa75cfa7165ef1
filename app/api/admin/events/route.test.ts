import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/context";
import { useTestDatabase } from "@/test/db";

const t = useTestDatabase();
const session = vi.hoisted(() => ({ actor: { type: "anonymous" } as Actor }));
vi.mock("@/server/auth/session", () => ({ currentActor: async () => session.actor }));
vi.mock("@/server/db", () => ({ appDb: () => t.db }));
// The real feed, counting the subscriptions still open.
const feed = vi.hoisted(() => ({ open: 0 }));
vi.mock("@/server/admin/admin-feed", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/admin/admin-feed")>();
  return {
    ...real,
    subscribeAdminFeed: async (...args: Parameters<typeof real.subscribeAdminFeed>) => {
      const unsubscribe = await real.subscribeAdminFeed(...args);
      feed.open++;
      return async () => {
        await unsubscribe();
        feed.open--;
      };
    },
  };
});

const { GET } = await import("./route");

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!pattern.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${pattern}: ${text}`);
    text += decoder.decode(value);
  }
  return text;
}

describe("GET /api/admin/events", () => {
  it("refuses anonymous visitors (401) and shoppers (403)", async () => {
    session.actor = { type: "anonymous" };
    expect((await GET(new Request("http://shop.test/api/admin/events"))).status).toBe(401);
    session.actor = { type: "shopper", userId: "someone" };
    expect((await GET(new Request("http://shop.test/api/admin/events"))).status).toBe(403);
  });

  it("streams a change to an admin when an order changes, and lets go of the feed when the client leaves", async () => {
    session.actor = { type: "admin", userId: "boss" };
    const leave = new AbortController();
    const response = await GET(new Request("http://shop.test/api/admin/events", { signal: leave.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    await readUntil(reader, /: connected/);

    await t.db.execute(sql`insert into carts (status) values ('ordered')`);
    await t.db.execute(sql`
      with cart as (select id from carts limit 1)
      insert into orders (cart_id, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, reservation_expires_at)
      select id, 'a@shop.test', 'USD', 100, 0, 100, '{}'::jsonb, 'none', now() + interval '15 minutes' from cart`);
    await readUntil(reader, /event: change\ndata: orders\n\n/);

    expect(feed.open).toBe(1);
    leave.abort();
    expect((await reader.read()).done).toBe(true);
    await expect.poll(() => feed.open).toBe(0);
  });
});
