// The notification half of `npm run bench`: 1,000 paid orders' confirmations queued in the ledger, rendered and sent
// through the Resend adapter to the local fake Resend (in its own process), by the verbs the functions call.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { ServiceContext } from "../server/context";
import { openCheckoutBenchDatabase } from "./checkout-setup";
import { databaseCpuMs } from "./checkout-cpu";
import { childPidsNamed } from "./cpu";

const ORDERS = Number(process.env.BENCH_NOTIFICATION_ORDERS ?? 1000);
const CONCURRENCY = 8;

// The verbs read the environment when first called; the database helper fills it in, so they are imported after it.
const database = await openCheckoutBenchDatabase(CONCURRENCY * 2);
const { queueOrderEmail } = await import("../server/notifications/queue-order-email");
const { renderNotification } = await import("../server/notifications/render-notification");
const { sendNotification } = await import("../server/notifications/send-notification");
const { createResendSender } = await import("../server/notifications/resend-sender");
const databasePids = database.embedded ? childPidsNamed("postgres") : [];

const fake = spawn("node_modules/.bin/tsx", ["bench/fake-resend-process.ts"], { stdio: ["ignore", "pipe", "inherit"] });
const [firstLine] = (await once(fake.stdout!, "data")) as [Buffer];
const fakeUrl = firstLine.toString().trim();
const stopAll = async () => {
  fake.kill("SIGTERM");
  await database.close();
};
process.on("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** ORDERS paid orders of two lines each, written straight into the tables, as a paid checkout leaves them. */
async function insertPaidOrders(db: Db, variantIds: number[]): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with picked as (
      select v.id, v.sku, p.title as product_title, v.title as variant_title, v.price_amount, v.currency
        from variants v join products p on p.id = v.product_id
       where v.id = any(${`{${variantIds.slice(0, 20).join(",")}}`}::int[])
    ), numbered as (select row_number() over (order by id) as k, * from picked),
    carts_made as (
      insert into carts (status) select 'ordered' from generate_series(1, ${ORDERS}) returning id
    ), orders_made as (
      insert into orders (cart_id, email, status, currency, subtotal_amount, shipping_amount, total_amount, shipping_address,
                          shipping_method, reservation_expires_at, paid_at)
      select c.id, 'bench-' || c.id || '@emporium.test', 'paid', (select currency from picked limit 1),
             (select sum(price_amount) from numbered where k <= 2), 0, (select sum(price_amount) from numbered where k <= 2),
             '{"name":"Ada Lovelace","line1":"12 St James''s Square","city":"London","postalCode":"SW1Y 4JH","country":"GB"}'::jsonb,
             'standard', now() + interval '15 minutes', now()
        from carts_made c
      returning id, currency, total_amount
    ), lines as (
      insert into order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
      select o.id, n.id, n.sku, n.product_title, n.variant_title, n.price_amount, 1, n.price_amount
        from orders_made o cross join numbered n where n.k <= 2
    ), paid as (
      insert into payments (order_id, provider, provider_payment_id, amount, currency, status)
      select id, 'simulator', 'pi_bench_' || id, total_amount, currency, 'succeeded' from orders_made
    )
    select id from orders_made`);
  return rows.map((r) => r.id);
}

/** Runs `work` over `items` with CONCURRENCY callers; returns wall ms, this process's CPU ms and the database's. */
async function phase<T>(items: T[], work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  const cpuBefore = process.cpuUsage();
  const databaseBefore = databaseCpuMs(databasePids);
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let item = queue.pop(); item !== undefined; item = queue.pop()) await work(item);
  }));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, databaseCpuMs: databasePids.length ? databaseCpuMs(databasePids) - databaseBefore : null };
}

try {
  const ctx: ServiceContext = {
    db: database.db,
    actor: { type: "system", name: "bench-notifications" },
    mail: createResendSender({ apiKey: "re_bench", baseUrl: fakeUrl }),
  };
  // One message through every step first, so module loading and prepared statements are not measured.
  const [warm] = await insertPaidOrders(database.db, database.variantIds).then((ids) => ids.slice(0, 1));
  const [warmNote] = await queueOrderEmail(ctx, { kind: "order-confirmation", orderId: warm! });
  await sendNotification(ctx, { notificationId: warmNote!.id, content: (await renderNotification(ctx, { notificationId: warmNote!.id }))! });

  const orderIds = await insertPaidOrders(database.db, database.variantIds);
  const notificationIds: string[] = [];
  const queued = await phase(orderIds, async (orderId) => notificationIds.push(...(await queueOrderEmail(ctx, { kind: "order-confirmation", orderId })).map((n) => n.id)));
  const contents = new Map<string, NonNullable<Awaited<ReturnType<typeof renderNotification>>>>();
  const rendered = await phase(notificationIds, async (id) => contents.set(id, (await renderNotification(ctx, { notificationId: id }))!));
  const statuses: string[] = [];
  const sent = await phase(notificationIds, async (id) => statuses.push(await sendNotification(ctx, { notificationId: id, content: contents.get(id)! })));
  const sentCount = statuses.filter((s) => s === "sent").length;

  const phases = [["queue (ledger)", queued], ["render", rendered], ["send (Resend adapter + ledger)", sent]] as const;
  const total = { wallMs: 0, cpuMs: 0, databaseCpuMs: 0 as number | null };
  for (const [, p] of phases) {
    total.wallMs += p.wallMs;
    total.cpuMs += p.cpuMs;
    total.databaseCpuMs = total.databaseCpuMs === null || p.databaseCpuMs === null ? null : total.databaseCpuMs + p.databaseCpuMs;
  }
  const n = notificationIds.length;
  const cell = (v: number | null, digits = 2) => (v === null ? "n/a" : v.toFixed(digits));
  const rows = [
    ["step", "messages/s", "CPU ms/msg", "db CPU ms/msg"],
    ...[...phases, ["all", total] as const].map(([name, p]) => [name, cell((n * 1000) / p.wallMs, 0), cell(p.cpuMs / n), cell(p.databaseCpuMs === null ? null : p.databaseCpuMs / n)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\nnotification bench: ${n} order confirmations, ${CONCURRENCY} at a time, NODE_ENV=${process.env.NODE_ENV ?? "unset"}, Resend adapter → local fake Resend`);
  console.log([line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n"));
  const perMessage = (p: { cpuMs: number }) => (p.cpuMs / n).toFixed(2);
  console.log(
    `notifications: ${n} messages (${sentCount} sent), ${cell((n * 1000) / total.wallMs, 0)} msg/s, ${perMessage(total)} ms CPU/message ` +
      `(queue ${perMessage(queued)}, render ${perMessage(rendered)}, send ${perMessage(sent)}), ` +
      `${cell(total.databaseCpuMs === null ? null : total.databaseCpuMs / n)} ms db CPU/message (target < 5 ms CPU: ${total.cpuMs / n < 5 ? "met" : "missed"})\n`,
  );
} finally {
  await stopAll();
}
