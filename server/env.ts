import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const devMessage = "INNGEST_DEV must be 1, 0 or the dev server's URL";
const inngestShape = {
  // 1 (or the dev server's URL): functions run on `npx inngest-cli dev`; unset: the in-process runner.
  INNGEST_DEV: optional.pipe(z.union([z.enum(["0", "1", "true", "false"]), z.url(devMessage)], devMessage).optional()),
  INNGEST_EVENT_KEY: optional,
  INNGEST_SIGNING_KEY: optional,
  INNGEST_BASE_URL: optional.pipe(z.url("INNGEST_BASE_URL must be a URL").optional()),
};

type InngestEnv = z.infer<z.ZodObject<typeof inngestShape>>;

function checkInngestKeys(e: InngestEnv, ctx: z.RefinementCtx) {
  if (Boolean(e.INNGEST_EVENT_KEY) !== Boolean(e.INNGEST_SIGNING_KEY)) {
    ctx.addIssue({ code: "custom", path: ["INNGEST_EVENT_KEY"], message: "set both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or neither" });
  }
}

const meilisearchShape = {
  // Search on Meilisearch when set (its readiness is checked at /api/ready); otherwise PostgreSQL full-text search.
  MEILISEARCH_HOST: optional.pipe(z.url({ protocol: /^https?$/, error: "MEILISEARCH_HOST must be an http(s) URL such as http://127.0.0.1:7700" }).optional()),
  // The key search and sync use (the master key, or one allowed documents, indexes, settings, tasks and search).
  MEILISEARCH_API_KEY: optional,
};

export const DEFAULT_SITE_URL = "http://localhost:3000";

const GENERATED_IN_DEV = "in development the start scripts generate one in .data/";

export interface LinkSigningKey {
  kid: string;
  secret: string;
}

const linkKeysMessage = `LINK_SIGNING_SECRET must be kid:secret[,kid:secret…], key ids of letters, digits, - or _, secrets of at least 32 characters (${GENERATED_IN_DEV})`;

/** `kid:secret[,kid:secret…]`: the first key signs, every listed key still verifies; dropping a kid voids its links. */
const LinkSigningKeys = z.string({ error: `LINK_SIGNING_SECRET is not set: ${linkKeysMessage}` }).transform((value, ctx): LinkSigningKey[] => {
  const keys = value.split(",").map((entry) => {
    const colon = entry.indexOf(":");
    return colon < 0 ? { kid: "", secret: "" } : { kid: entry.slice(0, colon).trim(), secret: entry.slice(colon + 1).trim() };
  });
  const wellFormed = keys.every(({ kid, secret }) => /^[\w-]+$/.test(kid) && secret.length >= 32);
  if (!wellFormed || new Set(keys.map((k) => k.kid)).size !== keys.length) {
    ctx.addIssue({ code: "custom", message: linkKeysMessage });
    return z.NEVER;
  }
  return keys;
});

const VAPID_KEYS = `set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (a P-256 key pair, e.g. from \`npx web-push generate-vapid-keys\`) to turn on web push, or neither to leave it off (${GENERATED_IN_DEV})`;

function checkSmsAndPush(
  e: { SNS_REGION?: string; SNS_ENDPOINT?: string; AWS_ACCESS_KEY_ID?: string; AWS_SECRET_ACCESS_KEY?: string; VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string },
  ctx: z.RefinementCtx,
) {
  if (e.SNS_ENDPOINT && !e.SNS_REGION) ctx.addIssue({ code: "custom", path: ["SNS_REGION"], message: "SNS_ENDPOINT is set: set SNS_REGION too (the region its requests are signed for)" });
  if (Boolean(e.AWS_ACCESS_KEY_ID) !== Boolean(e.AWS_SECRET_ACCESS_KEY)) {
    ctx.addIssue({ code: "custom", path: ["AWS_ACCESS_KEY_ID"], message: "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (an instance or task role)" });
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) ctx.addIssue({ code: "custom", path: ["VAPID_PUBLIC_KEY"], message: VAPID_KEYS });
  const bytes = (key: string) => Buffer.from(key, "base64url").length;
  if (e.VAPID_PUBLIC_KEY && bytes(e.VAPID_PUBLIC_KEY) !== 65) {
    ctx.addIssue({ code: "custom", path: ["VAPID_PUBLIC_KEY"], message: "VAPID_PUBLIC_KEY must be an uncompressed P-256 public key: 65 bytes, base64url" });
  }
  if (e.VAPID_PRIVATE_KEY && bytes(e.VAPID_PRIVATE_KEY) !== 32) {
    ctx.addIssue({ code: "custom", path: ["VAPID_PRIVATE_KEY"], message: "VAPID_PRIVATE_KEY must be a P-256 private key: 32 bytes, base64url" });
  }
}

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function checkFileStorage(e: { S3_BUCKET?: string; S3_REGION?: string; S3_ENDPOINT?: string }, ctx: z.RefinementCtx) {
  if (e.S3_BUCKET && !e.S3_REGION) ctx.addIssue({ code: "custom", path: ["S3_REGION"], message: "S3_BUCKET is set: set S3_REGION too (the bucket's region, which its requests are signed for)" });
  if (!e.S3_BUCKET && (e.S3_REGION || e.S3_ENDPOINT)) {
    ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "S3_REGION or S3_ENDPOINT is set without S3_BUCKET: set the bucket too, or unset them to keep files on local disk" });
  }
}

/** An IANA zone name both Intl and PostgreSQL know; offsets such as "+05:00" are refused, as PostgreSQL reads their sign the POSIX way. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name);
  } catch {
    return false;
  }
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional.pipe(
      z.url({
        message: "DATABASE_URL is not set or not a URL: start with `npm run dev` / `npm start`, which start an embedded PostgreSQL, or point it at a server",
      }),
    ),
    NEXTAUTH_SECRET: optional.pipe(
      z.string({ error: `NEXTAUTH_SECRET is not set (${GENERATED_IN_DEV})` }).min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    ),
    // The shop's own public URL: next-auth's callbacks, and where the payment simulator posts its webhooks.
    NEXTAUTH_URL: optional.pipe(z.url("NEXTAUTH_URL must be the shop's public URL").default(DEFAULT_SITE_URL)),
    LINK_SIGNING_SECRET: optional.pipe(LinkSigningKeys),
    COGNITO_CLIENT_ID: optional,
    COGNITO_CLIENT_SECRET: optional,
    COGNITO_ISSUER: optional.pipe(z.url("COGNITO_ISSUER must be the user pool's issuer URL").optional()),
    // The user pool's managed login (hosted UI) domain: signing out also ends the Cognito session at its /logout.
    COGNITO_DOMAIN: optional.pipe(z.url({ protocol: /^https?$/, error: "COGNITO_DOMAIN must be the hosted UI's URL, e.g. https://<prefix>.auth.<region>.amazoncognito.com" }).optional()),
    // Members of this Cognito group are admins; leaving it makes them shoppers again at their next sign-in.
    COGNITO_ADMIN_GROUP: optional.pipe(z.string().max(128).default("admin")),
    STRIPE_SECRET_KEY: optional,
    STRIPE_PUBLISHABLE_KEY: optional,
    // Verifies /api/webhooks/stripe: Stripe's whsec_… with Stripe, any random secret with the simulator (which signs with it).
    STRIPE_WEBHOOK_SECRET: optional.pipe(z.string({ error: `STRIPE_WEBHOOK_SECRET is not set (${GENERATED_IN_DEV} for the payment simulator)` })),
    // 1: run the payment simulator in production on purpose (a demo shop); ignored when STRIPE_SECRET_KEY is set.
    PAYMENTS_SIMULATOR: optional.pipe(z.enum(["0", "1"], "PAYMENTS_SIMULATOR must be 1 or 0").optional()),
    STRIPE_API_BASE: optional.pipe(z.url({ protocol: /^https?$/, error: "STRIPE_API_BASE must be an http(s) URL such as http://127.0.0.1:12111" }).optional()),
    // Email through Resend when set; otherwise every message goes to the dev mailbox at /admin/mailbox.
    RESEND_API_KEY: optional,
    EMAIL_FROM: optional.pipe(
      z.string().regex(/^([^<>]+<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, "EMAIL_FROM must be an address, or a name and an address: Emporium <shop@example.com>").optional(),
    ),
    // Verifies /api/webhooks/resend (the whsec_… secret of the webhook in Resend's dashboard).
    RESEND_WEBHOOK_SECRET: optional,
    RESEND_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/, error: "RESEND_BASE_URL must be an http(s) URL such as http://127.0.0.1:12112" }).optional()),
    ...meilisearchShape,
    // Without RESEND_API_KEY: the dev mailbox also hands every message to this SMTP catcher (MailDev, Mailpit).
    SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL such as smtp://127.0.0.1:1025" }).optional()),
    // Where new-order alerts go; unset: to every admin user.
    ADMIN_ALERT_EMAIL: optional.pipe(z.email("ADMIN_ALERT_EMAIL must be one email address").optional()),
    // SMS through AWS SNS in this region (credentials from the SDK's default chain); unset: SMS go to the dev mailbox.
    SNS_REGION: optional.pipe(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "SNS_REGION must be an AWS region such as eu-west-1").optional()),
    // Points the SNS client at another endpoint (a local fake in tests); unset: the region's SNS endpoint.
    SNS_ENDPOINT: optional.pipe(z.url({ protocol: /^https?$/, error: "SNS_ENDPOINT must be an http(s) URL such as http://127.0.0.1:12113" }).optional()),
    // Files (shipping labels, packing slips) in this S3 bucket; unset: on local disk under .data/files/.
    S3_BUCKET: optional.pipe(
      z.string().regex(/^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be an S3 bucket name: 3 to 63 lowercase letters, digits, '.' or '-'").optional(),
    ),
    S3_REGION: optional.pipe(z.string().regex(AWS_REGION, "S3_REGION must be an AWS region such as eu-west-1").optional()),
    // Points the S3 client at another S3 API, addressed path-style (MinIO, a local fake in tests); unset: AWS's own.
    S3_ENDPOINT: optional.pipe(z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000" }).optional()),
    AWS_ACCESS_KEY_ID: optional,
    AWS_SECRET_ACCESS_KEY: optional,
    // Web push with VAPID: both keys (base64url, as `npx web-push generate-vapid-keys` prints them) or neither (push off).
    VAPID_PUBLIC_KEY: optional.pipe(z.base64url("VAPID_PUBLIC_KEY must be base64url").optional()),
    VAPID_PRIVATE_KEY: optional.pipe(z.base64url("VAPID_PRIVATE_KEY must be base64url").optional()),
    // Who push services may contact about our messages: mailto: or https:; unset: mailto: the address of EMAIL_FROM.
    VAPID_SUBJECT: optional.pipe(z.url({ protocol: /^(mailto|https)$/, error: "VAPID_SUBJECT must be a mailto: address or an https: URL" }).optional()),
    // Shipping labels and tracking through EasyPost when set; unset: the carrier simulator.
    EASYPOST_API_KEY: optional,
    // Points the EasyPost adapter at another API server (a local fake in tests); unset: https://api.easypost.com/v2.
    EASYPOST_API_BASE: optional.pipe(z.url({ protocol: /^https?$/, error: "EASYPOST_API_BASE must be an http(s) URL such as http://127.0.0.1:12114/v2" }).optional()),
    // Verifies /api/webhooks/shipping (tracker.updated): the secret of the webhook in EasyPost's dashboard; the carrier
    // simulator signs its tracking events with it.
    EASYPOST_WEBHOOK_SECRET: optional,
    // The carrier simulator plays each label it sells through a scripted tracking timeline, posting signed webhooks to
    // /api/webhooks/shipping: this many milliseconds of real time per hour of the script (100: a delivery in about 7 s).
    // Unset or 0: it sends none by itself (tests post the timelines they need). The start scripts set 100 outside production.
    CARRIER_SIMULATOR_TRACKING: optional.pipe(z.coerce.number<string | undefined>({ error: "CARRIER_SIMULATOR_TRACKING must be a whole number of milliseconds" }).int().min(0).max(3_600_000).default(0)),
    // The shop as its emails sign off: its name, and the postal address the footer of every email carries.
    SHOP_NAME: optional.pipe(z.string().max(100, "SHOP_NAME must be at most 100 characters").default("Emporium")),
    SHOP_POSTAL_ADDRESS: optional.pipe(z.string().max(300, "SHOP_POSTAL_ADDRESS must be at most 300 characters").default("Emporium Ltd, 14 Harbour Row, Bristol BS1 4RN, United Kingdom")),
    // The shop's time zone (IANA name): where the admin dashboard's days begin and end, and the times its emails show; unset: UTC.
    SHOP_TIME_ZONE: optional.pipe(z.string().refine(isTimeZone, "SHOP_TIME_ZONE must be an IANA time zone such as Europe/London").default("UTC")),
    ...inngestShape,
  })
  .superRefine((env, ctx) => {
    checkInngestKeys(env, ctx);
    checkSmsAndPush(env, ctx);
    checkFileStorage(env, ctx);
    const cognito = [env.COGNITO_CLIENT_ID, env.COGNITO_CLIENT_SECRET, env.COGNITO_ISSUER];
    if (cognito.some(Boolean) && !cognito.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["COGNITO_CLIENT_ID"],
        message: "set all of COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET and COGNITO_ISSUER, or none of them",
      });
    }
  })
  // Also when other variables are missing, so a production start names everything it needs at once.
  .superRefine(
    (env, ctx) => {
      if (env.RESEND_API_KEY && !env.EMAIL_FROM) {
        ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "RESEND_API_KEY is set: set EMAIL_FROM too, an address on a domain verified in Resend" });
      }
      if (env.NODE_ENV === "production" && env.RESEND_API_KEY && !env.RESEND_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["RESEND_WEBHOOK_SECRET"],
          message: "RESEND_API_KEY is set: set RESEND_WEBHOOK_SECRET (the signing secret of the /api/webhooks/resend webhook) so bounces and complaints are believed",
        });
      }
      if (env.NODE_ENV === "production" && env.EASYPOST_API_KEY && !env.EASYPOST_WEBHOOK_SECRET) {
        ctx.addIssue({
          code: "custom",
          path: ["EASYPOST_WEBHOOK_SECRET"],
          message: "EASYPOST_API_KEY is set: set EASYPOST_WEBHOOK_SECRET (the secret of the webhook pointed at /api/webhooks/shipping) so tracking updates are believed",
        });
      }
      if (env.NODE_ENV === "production" && !env.STRIPE_SECRET_KEY && env.PAYMENTS_SIMULATOR !== "1") {
        ctx.addIssue({
          code: "custom",
          path: ["STRIPE_SECRET_KEY"],
          message: "production takes payments with Stripe: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or PAYMENTS_SIMULATOR=1 to run the test-card simulator on purpose",
        });
      }
    },
    { when: () => true },
  );

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) throw formatIssues(result.error);
  return result.data;
}

function formatIssues(error: z.ZodError): Error {
  const lines = error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
  return new Error(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** Validated once, on first use; instrumentation.ts calls it at start-up so a bad variable stops the server at once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function cognitoConfigured(e: Env = env()) {
  return Boolean(e.COGNITO_CLIENT_ID && e.COGNITO_CLIENT_SECRET && e.COGNITO_ISSUER);
}

export function stripeConfigured(e: Env = env()) {
  return Boolean(e.STRIPE_SECRET_KEY);
}

export function stripeWebhookSecret(e: Env = env()): string {
  return e.STRIPE_WEBHOOK_SECRET;
}

/** Milliseconds per hour of a simulated tracking timeline; 0: the carrier simulator plays none by itself. */
export function simulatedTrackingHourMs(e: Env = env()): number {
  return e.EASYPOST_API_KEY ? 0 : e.CARRIER_SIMULATOR_TRACKING;
}

/** EasyPost when EASYPOST_API_KEY is set; null: the carrier simulator. */
export function easyPostConfig(e: Env = env()): { apiKey: string; apiBase?: string } | null {
  return e.EASYPOST_API_KEY ? { apiKey: e.EASYPOST_API_KEY, apiBase: e.EASYPOST_API_BASE } : null;
}

/** What carrier webhooks are signed with (EasyPost's, or the simulator's own); undefined: every carrier webhook is refused. */
export function carrierWebhookSecret(e: Env = env()): string | undefined {
  return e.EASYPOST_WEBHOOK_SECRET;
}

const MeilisearchEnv = z.object(meilisearchShape);
let lastMeilisearch: { raw: Record<keyof typeof meilisearchShape, string | undefined>; config: { host: string; apiKey?: string } | null } | undefined;

/**
 * Meilisearch when MEILISEARCH_HOST is set; null: search on PostgreSQL. Reads only its own variables (validated as in
 * env()), so search works in scripts and tests without the app's secrets.
 */
export function meilisearchConfig(source: Record<string, string | undefined> = process.env): { host: string; apiKey?: string } | null {
  const raw = { MEILISEARCH_HOST: source.MEILISEARCH_HOST, MEILISEARCH_API_KEY: source.MEILISEARCH_API_KEY };
  // Every search asks (the search engine follows the variables): validate only when they differ from the last call's.
  if (!lastMeilisearch || lastMeilisearch.raw.MEILISEARCH_HOST !== raw.MEILISEARCH_HOST || lastMeilisearch.raw.MEILISEARCH_API_KEY !== raw.MEILISEARCH_API_KEY) {
    const parsed = MeilisearchEnv.safeParse(raw);
    if (!parsed.success) throw formatIssues(parsed.error);
    const e = parsed.data;
    lastMeilisearch = { raw, config: e.MEILISEARCH_HOST ? { host: e.MEILISEARCH_HOST, apiKey: e.MEILISEARCH_API_KEY } : null };
  }
  return lastMeilisearch.config;
}

/** SNS when SNS_REGION is set; the SDK finds the credentials (AWS_ACCESS_KEY_ID…, a profile, an instance or task role). */
export function snsConfig(e: Env = env()): { region: string; endpoint?: string } | null {
  return e.SNS_REGION ? { region: e.SNS_REGION, endpoint: e.SNS_ENDPOINT } : null;
}

/** S3 when S3_BUCKET is set (credentials from the SDK's default chain, as for SNS); null: files on local disk. */
export function s3StorageConfig(e: Env = env()): { bucket: string; region: string; endpoint?: string } | null {
  return e.S3_BUCKET && e.S3_REGION ? { bucket: e.S3_BUCKET, region: e.S3_REGION, endpoint: e.S3_ENDPOINT } : null;
}

/** The VAPID details web push signs with, or null when push is off (no keys: production without them). */
export function vapidConfig(e: Env = env()): { publicKey: string; privateKey: string; subject: string } | null {
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  const address = /<([^>]+)>/.exec(emailFrom(e))?.[1] ?? emailFrom(e);
  return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT ?? `mailto:${address}` };
}

export const DEV_EMAIL_FROM = "Emporium <shop@localhost>";

export function emailFrom(e: Env = env()): string {
  return e.EMAIL_FROM ?? DEV_EMAIL_FROM;
}

const InngestEnvSchema = z.object(inngestShape).superRefine(checkInngestKeys);
let cachedInngest: InngestEnv | undefined;

/** Only the Inngest variables, so events can be sent from scripts and tests that have no database or auth settings. */
export function inngestEnv(): InngestEnv {
  if (!cachedInngest) {
    const result = InngestEnvSchema.safeParse(process.env);
    if (!result.success) throw formatIssues(result.error);
    cachedInngest = result.data;
  }
  return cachedInngest;
}

/** An Inngest server (dev server, Cloud or self-hosted) runs the functions; otherwise the in-process runner does. */
export function inngestConfigured(e: InngestEnv = inngestEnv()) {
  return inngestDevMode(e) || Boolean(e.INNGEST_EVENT_KEY && e.INNGEST_SIGNING_KEY);
}

export function inngestDevMode(e: InngestEnv = inngestEnv()) {
  return e.INNGEST_DEV !== undefined && e.INNGEST_DEV !== "0" && e.INNGEST_DEV !== "false";
}
