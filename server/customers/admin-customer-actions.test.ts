import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { orders, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { trpcCode } from "@/test/trpc-code";
import type { Actor } from "../context";
import { insertOrder, insertUser, insertVariant, setSigningEnv } from "../orders/test-fixtures";
import { createCaller } from "../trpc/root";
import { tokenFromMailbox } from "../users/mailbox-token";
import { hashPassword } from "../users/password";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);

let admin: Extract<Actor, { type: "admin" }>;
let variantId: number;
const api = (actor: Actor = admin) => createCaller({ db: t.db, actor }).adminCustomers;

beforeAll(async () => {
  setSigningEnv();
  ({ variantId } = await insertVariant(t.db));
  const adminId = await insertUser(t.db, "admin");
  await t.db.update(users).set({ name: "Ada Admin" }).where(eq(users.id, adminId));
  admin = { type: "admin", userId: adminId };
});

async function customer(email: string, name = "Grace Hopper", phone: string | null = null) {
  const [row] = await t.db
    .insert(users)
    .values({ email, name, phone, passwordHash: await hashPassword("her own long password") })
    .returning({ id: users.id });
  return row!.id;
}

describe("admin customer actions", () => {
  it("keeps internal notes, newest first, naming the admin and the time; the shopper never reaches them", async () => {
    const userId = await customer("noted@shop.test");
    await api().addNote({ userId, body: "Asked for invoices by post" });
    await api().addNote({ userId, body: "  Called about order 1042  " });
    const { notes } = await api().get({ userId });
    expect(notes.map((n) => [n.body, n.author])).toEqual([
      ["Called about order 1042", "Ada Admin"],
      ["Asked for invoices by post", "Ada Admin"],
    ]);
    expect(notes[0]!.createdAt).toBeInstanceOf(Date);
    expect(await trpcCode(api().addNote({ userId, body: "   " }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api().addNote({ userId, body: "x".repeat(2001) }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api().addNote({ userId: admin.userId, body: "about an admin" }))).toBe("NOT_FOUND");
    expect(JSON.stringify(await createCaller({ db: t.db, actor: { type: "shopper", userId } }).users.exportMyData())).not.toContain("invoices by post");
  });

  it("sends the customer the reset link the forgot-password page would, and the link sets a new password", async () => {
    const userId = await customer("forgetful@shop.test");
    await api().sendPasswordReset({ userId });
    const token = await tokenFromMailbox(t.db, "password-reset", "forgetful@shop.test");
    const anonymous = createCaller({ db: t.db, actor: { type: "anonymous" } }).users;
    expect(await anonymous.resetPassword({ token, password: "a brand new passphrase" })).toEqual({ email: "forgetful@shop.test" });
    expect(await trpcCode(api().sendPasswordReset({ userId: admin.userId }))).toBe("NOT_FOUND");
  });

  it("anonymises like the shopper's own deletion: no personal data left, orders keep their totals, sessions end; twice changes nothing", async () => {
    const userId = await customer("erase-me@shop.test", "Margaret Hamilton", "+441632960961");
    const order = await insertOrder(t.db, { variantId, userId, status: "paid", paymentStatus: "succeeded", payment: "succeeded" });
    await api().addNote({ userId, body: "Margaret Hamilton asked to be forgotten" });

    expect(await trpcCode(api({ type: "admin", userId: admin.userId, role: "staff" }).anonymise({ userId }))).toBe("FORBIDDEN");
    await api().anonymise({ userId });
    await api().anonymise({ userId });

    const [user] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ name: null, phone: null, passwordHash: null, sessionVersion: 1 });
    const [kept] = await t.db.select({ total: orders.totalAmount }).from(orders).where(eq(orders.id, order.id));
    expect(kept!.total).toBe(order.totalAmount);
    const page = await api().get({ userId });
    expect(page).toMatchObject({ erased: true, notes: [], name: null });
    const dump = await t.db.execute<{ row: string }>(sql`select u::text as row from users u union all select o::text from orders o union all select n::text from customer_notes n`);
    const everything = dump.map((r) => r.row).join("\n");
    for (const personal of ["erase-me@shop.test", "Margaret Hamilton", "+441632960961"]) expect(everything).not.toContain(personal);
    expect(await trpcCode(api().sendPasswordReset({ userId }))).toBe("CONFLICT");
  });
});
