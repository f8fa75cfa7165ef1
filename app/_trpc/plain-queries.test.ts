import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { trpcHttpOptions } from "@/server/trpc/http-options";
import { createTRPCRouter, publicProcedure } from "@/server/trpc/init";
import type { SessionUser } from "@/server/users/schemas";
import { queryPlain } from "./plain-queries";

const shopper: SessionUser = { id: "5f0c4ad2-55a4-4b5e-9a6e-3d4c0f1e2a7b", email: "ana@example.com", name: null, role: "shopper" };

/** Serves `/api/trpc` to the browser's fetch with the app's tRPC settings (superjson's answers, batching) and these procedures. */
function serve(me: () => unknown, summary: () => unknown = () => ({ itemCount: 3 })) {
  const router = createTRPCRouter({
    users: createTRPCRouter({ me: publicProcedure.query(me) }),
    cart: createTRPCRouter({ summary: publicProcedure.query(summary) }),
  });
  const asked: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    asked.push(url);
    return fetchRequestHandler({
      ...trpcHttpOptions,
      endpoint: "/api/trpc",
      req: new Request(new URL(url, "http://shop.test")),
      router,
      createContext: () => ({ db: undefined as never, actor: { type: "anonymous" as const } }),
    });
  });
  return asked;
}

afterEach(() => void vi.unstubAllGlobals());

describe("queryPlain", () => {
  it("reads both answers of one batched GET", async () => {
    const asked = serve(() => shopper);
    const [me, summary] = await queryPlain("users.me", "cart.summary");
    expect(asked).toEqual(["/api/trpc/users.me,cart.summary?batch=1"]);
    expect(me).toEqual({ status: "fulfilled", value: shopper });
    expect(summary).toEqual({ status: "fulfilled", value: { itemCount: 3 } });
  });

  it("reads a guest's null user", async () => {
    serve(() => null);
    expect(await queryPlain("users.me", "cart.summary")).toEqual([
      { status: "fulfilled", value: null },
      { status: "fulfilled", value: { itemCount: 3 } },
    ]);
  });

  it("settles a call the server refused as rejected, with its message, and still reads the other", async () => {
    serve(() => {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "slow down" });
    });
    const [me, summary] = await queryPlain("users.me", "cart.summary");
    expect(me).toEqual({ status: "rejected", reason: new Error("slow down") });
    expect(summary).toEqual({ status: "fulfilled", value: { itemCount: 3 } });
  });

  it("rejects every call on a proxy's error page, and when the server failed them all (a 500)", async () => {
    vi.stubGlobal("fetch", async () => new Response("<h1>Bad gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }));
    const outcomes = await queryPlain("users.me", "cart.summary");
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);

    // The server's own 500: a batch of two errors.
    serve(
      () => {
        throw new Error("database down");
      },
      () => {
        throw new Error("database down");
      },
    );
    expect((await queryPlain("users.me", "cart.summary")).map((o) => o.status)).toEqual(["rejected", "rejected"]);
  });

  it("rejects every call when the request itself fails", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await queryPlain("cart.summary")).toEqual([{ status: "rejected", reason: new TypeError("Failed to fetch") }]);
  });

  it("refuses an answer only superjson can read rather than read it wrong", async () => {
    serve(() => ({ ...shopper, createdAt: new Date("2026-01-02T03:04:05Z") }));
    const [me, summary] = await queryPlain("users.me", "cart.summary");
    expect(me.status).toBe("rejected");
    expect(summary).toEqual({ status: "fulfilled", value: { itemCount: 3 } });
  });

  it("asks a single procedure as a batch of one", async () => {
    const asked = serve(() => shopper, () => ({ itemCount: 7 }));
    expect(await queryPlain("cart.summary")).toEqual([{ status: "fulfilled", value: { itemCount: 7 } }]);
    expect(asked).toEqual(["/api/trpc/cart.summary?batch=1"]);
  });
});
