import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications, outbox } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import type { ServiceContext } from "../context";
import { setSigningEnv } from "../orders/test-fixtures";
import { queueNotifications } from "./queue-notifications";
import { requeueStaleNotifications } from "./requeue-stale-notifications";

const t = useTestDatabase();
let ctx: ServiceContext;
const announcements = async (id: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.name, "shop/notification.queued"))).filter((row) => (row.data as { notificationId: string }).notificationId === id).length;

beforeAll(() => {
  setSigningEnv();
  ctx = { db: t.db, actor: { type: "system", name: "test" } };
});

describe("requeueStaleNotifications", () => {
  it("announces again a message queued long ago (its send run was lost), once per interval; fresh ones are left alone", async () => {
    const [lost] = await queueNotifications(ctx, { kind: "order-confirmation", subjectId: "order-lost", recipients: ["lost@shop.test"] });
    const [fresh] = await queueNotifications(ctx, { kind: "order-confirmation", subjectId: "order-fresh", recipients: ["fresh@shop.test"] });
    await t.db.update(notifications).set({ updatedAt: sql`now() - interval '10 minutes'` }).where(eq(notifications.id, lost!.id));

    expect(await requeueStaleNotifications(ctx)).toEqual({ requeued: 1 });
    expect(await announcements(lost!.id)).toBe(2);
    expect(await announcements(fresh!.id)).toBe(1);
    expect(await requeueStaleNotifications(ctx)).toEqual({ requeued: 0 });
  });
});
