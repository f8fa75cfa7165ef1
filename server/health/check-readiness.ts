import { connect } from "node:net";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { migrationCount, pendingMigrations } from "@/db/pending-migrations";
import { inngestConfigured, inngestDevMode, type Env } from "../env";

/**
 * ok / failing: checked just now. configured: set, but not called (a third party's API on every probe costs money and
 * rate limit). not configured: the embedded default stands in. Details never carry URLs, keys or error messages.
 */
export type ServiceStatus = "ok" | "failing" | "configured" | "not configured";
export interface ServiceCheck {
  status: ServiceStatus;
  detail?: string;
}
export interface Readiness {
  ready: boolean;
  services: Record<"database" | "migrations" | "payments" | "search" | "jobs" | "email", ServiceCheck>;
}

const INNGEST_DEV_SERVER = "http://localhost:8288";

export interface ReadinessDeps {
  db: Db;
  env: Env;
  timeoutMs?: number;
}

/** What /api/ready answers: the database reachable, every migration applied, each configured service answering. */
export async function checkReadiness({ db, env, timeoutMs = 2_000 }: ReadinessDeps): Promise<Readiness> {
  const [database, migrations, search, jobs, smtp] = await Promise.all([
    withTimeout(checkDatabase(db), timeoutMs),
    withTimeout(checkMigrations(db), timeoutMs),
    env.MEILISEARCH_HOST ? withTimeout(checkHttp(new URL("/health", env.MEILISEARCH_HOST), timeoutMs), timeoutMs) : notConfigured("PostgreSQL full-text search"),
    withTimeout(checkJobs(env, timeoutMs), timeoutMs),
    env.SMTP_URL && !env.RESEND_API_KEY ? withTimeout(checkTcp(new URL(env.SMTP_URL)), timeoutMs) : undefined,
  ]);
  const services: Readiness["services"] = {
    database,
    migrations,
    payments: env.STRIPE_SECRET_KEY ? { status: "configured", detail: "Stripe key set, not called" } : { status: "not configured", detail: "payment simulator" },
    search,
    jobs,
    email: env.RESEND_API_KEY ? { status: "configured", detail: "Resend key set, not called" } : (smtp ?? { status: "not configured", detail: "dev mailbox" }),
  };
  return { ready: Object.values(services).every((check) => check.status !== "failing"), services };
}

export function readinessResponse(readiness: Readiness): Response {
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

async function checkDatabase(db: Db): Promise<ServiceCheck> {
  await db.execute(sql`select 1`);
  return { status: "ok" };
}

async function checkMigrations(db: Db): Promise<ServiceCheck> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return { status: "ok", detail: `${migrationCount} applied` };
  return { status: "failing", detail: `pending: ${pending.join(", ")} (run npm run db:migrate)` };
}

/** Only an Inngest server we were given an address for is called; Inngest Cloud is trusted like Stripe. */
async function checkJobs(env: Env, timeoutMs: number): Promise<ServiceCheck> {
  if (!inngestConfigured(env)) return { status: "not configured", detail: "in-process runner" };
  const devUrl = env.INNGEST_DEV?.includes("://") ? env.INNGEST_DEV : undefined;
  const base = env.INNGEST_BASE_URL ?? devUrl ?? (inngestDevMode(env) ? INNGEST_DEV_SERVER : undefined);
  if (!base) return { status: "configured", detail: "Inngest Cloud, not called" };
  return checkHttp(new URL("/", base), timeoutMs);
}

async function checkHttp(url: URL, timeoutMs: number): Promise<ServiceCheck> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  await response.body?.cancel();
  return response.status < 500 ? { status: "ok" } : { status: "failing", detail: `HTTP ${response.status}` };
}

/** The dev mailbox's SMTP catcher: accepting connections is answer enough. */
function checkTcp(url: URL): Promise<ServiceCheck> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port || 25), url.hostname, () => {
      socket.destroy();
      resolve({ status: "ok", detail: "dev mailbox relaying to SMTP" });
    });
    socket.once("error", reject);
  });
}

function notConfigured(detail: string): ServiceCheck {
  return { status: "not configured", detail };
}

/** A refused connection fails fast; a dead host would hang until the driver's own timeout, so each check gets a deadline. */
async function withTimeout(check: Promise<ServiceCheck>, timeoutMs: number): Promise<ServiceCheck> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ServiceCheck>((resolve) => {
    timer = setTimeout(() => resolve({ status: "failing", detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check.catch((): ServiceCheck => ({ status: "failing", detail: "unreachable" })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
