import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

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
  })
  .superRefine((env, ctx) => {
    const cognito = [env.COGNITO_CLIENT_ID, env.COGNITO_CLIENT_SECRET, env.COGNITO_ISSUER];
    if (cognito.some(Boolean) && !cognito.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["COGNITO_CLIENT_ID"],
        message: "set all of COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET and COGNITO_ISSUER, or none of them",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
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
