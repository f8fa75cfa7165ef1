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

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({
      message: "DATABASE_URL is not set or not a URL: start with `npm run dev` / `npm start`, which start an embedded PostgreSQL, or point it at a server",
    }),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (the start scripts generate one in .data/)"),
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    COGNITO_CLIENT_ID: optional,
    COGNITO_CLIENT_SECRET: optional,
    COGNITO_ISSUER: optional.pipe(z.url("COGNITO_ISSUER must be the user pool's issuer URL").optional()),
    STRIPE_SECRET_KEY: optional,
    STRIPE_PUBLISHABLE_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_API_BASE: optional.pipe(z.url({ protocol: /^https?$/, error: "STRIPE_API_BASE must be an http(s) URL such as http://127.0.0.1:12111" }).optional()),
    ...inngestShape,
  })
  .superRefine((env, ctx) => {
    checkInngestKeys(env, ctx);
    const cognito = [env.COGNITO_CLIENT_ID, env.COGNITO_CLIENT_SECRET, env.COGNITO_ISSUER];
    if (cognito.some(Boolean) && !cognito.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["COGNITO_CLIENT_ID"],
        message: "set all of COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET and COGNITO_ISSUER, or none of them",
      });
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message: "STRIPE_WEBHOOK_SECRET (whsec_...) is required with STRIPE_SECRET_KEY: webhooks cannot be verified without it",
      });
    }
  });

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

/** Signs the payment simulator's events when Stripe is not configured; public on purpose, it guards nothing real. */
export const LOCAL_STRIPE_WEBHOOK_SECRET = "whsec_emporium_local_payment_simulator";

export function stripeWebhookSecret(e: Env = env()): string {
  return e.STRIPE_WEBHOOK_SECRET ?? LOCAL_STRIPE_WEBHOOK_SECRET;
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
