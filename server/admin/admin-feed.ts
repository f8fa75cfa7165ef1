import type { Db } from "@/db/client";

/** Notified by database triggers when a statement changes orders, payments or refunds (migration admin_feed_notify). */
export const ADMIN_FEED_CHANNEL = "emporium_admin";

export type AdminFeedTable = "orders" | "payments" | "refunds";
type Listener = (table: AdminFeedTable) => void;

interface Hub {
  listeners: Set<Listener>;
  listening: Promise<{ unlisten(): Promise<void> }> | null;
}

const hubs = new WeakMap<Db, Hub>();

/**
 * Calls `listener` after every committed change to orders, payments or refunds, made by any app instance on this
 * database. One LISTEN connection per pool, shared by every subscriber; the last unsubscribe releases it.
 */
export async function subscribeAdminFeed(db: Db, listener: Listener): Promise<() => Promise<void>> {
  let hub = hubs.get(db);
  if (!hub) {
    hub = { listeners: new Set(), listening: null };
    hubs.set(db, hub);
  }
  const current = hub;
  current.listeners.add(listener);
  current.listening ??= db.$client.listen(ADMIN_FEED_CHANNEL, (payload) => {
    for (const notify of current.listeners) notify(payload as AdminFeedTable);
  });
  try {
    await current.listening;
  } catch (error) {
    current.listeners.delete(listener);
    current.listening = null;
    throw error;
  }
  return async () => {
    if (!current.listeners.delete(listener) || current.listeners.size > 0 || !current.listening) return;
    const listening = current.listening;
    current.listening = null;
    await (await listening).unlisten();
  };
}
