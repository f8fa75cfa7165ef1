import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import webpush from "web-push";
import { DEFAULT_SITE_URL, parseEnv } from "../server/env";

type Variables = Record<string, string | undefined>;

/** A deployment is `NODE_ENV=production npm start`; a bare `npm start` is a local try-out of the production build. */
export function isProduction(source: Variables = process.env): boolean {
  return source.NODE_ENV === "production";
}

/** A secret made once per checkout under `dataDir`, so a fresh clone needs no set-up. */
function localSecret(dataDir: string, name: string, make: (random: string) => string): string {
  const file = `${dataDir}/${name}`;
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, make(randomBytes(32).toString("hex")), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The web push key pair made once per checkout in `dataDir`/vapid.json, so development sends real VAPID-signed pushes. */
function localVapidKeys(dataDir: string): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const file = `${dataDir}/vapid.json`;
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600 });
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey };
}

/**
 * The environment the Next server gets. In production, the given one: no secret is generated, so a missing one stops
 * the start (web push stays off without its keys). Otherwise secrets left unset (or empty) come from .data/ (the VAPID
 * key pair too, unless both keys are set), without Stripe the payment simulator is switched on, and an unset
 * NEXTAUTH_URL is http://localhost on the server's `port`, so sign-in on PORT=3001 returns to 3001, not 3000.
 */
export function serverEnvironment(source: NodeJS.ProcessEnv, options: { production: boolean; dataDir?: string; port?: number }): NodeJS.ProcessEnv {
  // next-auth reads NEXTAUTH_URL itself and throws on an empty one (a line copied from .env.example): give it the default.
  const served = !options.production && options.port ? `http://localhost:${options.port}` : DEFAULT_SITE_URL;
  const siteUrl = { NEXTAUTH_URL: source.NEXTAUTH_URL || served };
  if (options.production) return { ...source, ...siteUrl };
  const dataDir = options.dataDir ?? ".data";
  const local: Variables = {
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || localSecret(dataDir, "auth-secret", (random) => random),
    LINK_SIGNING_SECRET: source.LINK_SIGNING_SECRET || localSecret(dataDir, "link-signing-secret", (random) => `local:${random}`),
  };
  if (!source.VAPID_PUBLIC_KEY && !source.VAPID_PRIVATE_KEY) Object.assign(local, localVapidKeys(dataDir));
  if (!source.STRIPE_SECRET_KEY) {
    local.STRIPE_WEBHOOK_SECRET = source.STRIPE_WEBHOOK_SECRET || localSecret(dataDir, "simulator-webhook-secret", (random) => `whsec_${random}`);
    local.PAYMENTS_SIMULATOR = source.PAYMENTS_SIMULATOR || "1";
  }
  if (!source.EASYPOST_API_KEY) {
    local.EASYPOST_WEBHOOK_SECRET = source.EASYPOST_WEBHOOK_SECRET || localSecret(dataDir, "carrier-webhook-secret", (random) => random);
    // The simulator tracks every label it sells, a script hour per 100 ms.
    local.CARRIER_SIMULATOR_TRACKING = source.CARRIER_SIMULATOR_TRACKING || "100";
  }
  return { ...source, ...siteUrl, ...local };
}

// The embedded cluster's URL is known only once it runs, and it must not start before the check.
const DATABASE_URL_PENDING = "postgres://embedded-database-not-started-yet/emporium";

/** Validates what `next <command>` will see (`next start` always runs as production), before any database starts. */
export function checkServerEnvironment(env: Variables, command: "dev" | "start") {
  parseEnv({ ...env, NODE_ENV: command === "start" ? "production" : "development", DATABASE_URL: env.DATABASE_URL || DATABASE_URL_PENDING });
}
