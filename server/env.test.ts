import { describe, expect, it } from "vitest";
import { meilisearchConfig, parseEnv, s3StorageConfig, snsConfig, vapidConfig } from "./env";

const complete = {
  DATABASE_URL: "postgres://localhost/x",
  NEXTAUTH_SECRET: "s".repeat(40),
  LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}`,
  STRIPE_WEBHOOK_SECRET: "whsec_x",
};

describe("the environment in production", () => {
  it("names every missing secret, and Stripe or PAYMENTS_SIMULATOR", () => {
    const error = (() => {
      try {
        parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://localhost/x", NEXTAUTH_SECRET: "", LINK_SIGNING_SECRET: "" });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const name of ["NEXTAUTH_SECRET", "LINK_SIGNING_SECRET", "STRIPE_WEBHOOK_SECRET", "STRIPE_SECRET_KEY", "PAYMENTS_SIMULATOR=1"]) {
      expect(error).toContain(name);
    }
  });

  it("runs the simulator only when PAYMENTS_SIMULATOR=1 says so, and Stripe without it", () => {
    expect(() => parseEnv({ ...complete, NODE_ENV: "production" })).toThrow(/STRIPE_SECRET_KEY: production takes payments with Stripe/);
    expect(() => parseEnv({ ...complete, NODE_ENV: "production", PAYMENTS_SIMULATOR: "0" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(parseEnv({ ...complete, NODE_ENV: "production", PAYMENTS_SIMULATOR: "1" }).PAYMENTS_SIMULATOR).toBe("1");
    expect(parseEnv({ ...complete, NODE_ENV: "production", STRIPE_SECRET_KEY: "sk_live_x" }).STRIPE_SECRET_KEY).toBe("sk_live_x");
  });
});

describe("LINK_SIGNING_SECRET", () => {
  it("lists the signing key first and the keys that still verify after it", () => {
    const env = parseEnv({ ...complete, LINK_SIGNING_SECRET: `2026-12:${"a".repeat(32)}, 2026-06:${"b".repeat(40)}` });
    expect(env.LINK_SIGNING_SECRET).toEqual([
      { kid: "2026-12", secret: "a".repeat(32) },
      { kid: "2026-06", secret: "b".repeat(40) },
    ]);
  });

  it.each([["a".repeat(40)], [`k1:${"a".repeat(31)}`], [`k.1:${"a".repeat(40)}`], [`k1:${"a".repeat(40)},k1:${"b".repeat(40)}`], [`:${"a".repeat(40)}`]])(
    "refuses %s",
    (value) => {
      expect(() => parseEnv({ ...complete, LINK_SIGNING_SECRET: value })).toThrow(/LINK_SIGNING_SECRET must be kid:secret/);
    },
  );
});

describe("empty values", () => {
  it("mean unset, so defaults apply", () => {
    const env = parseEnv({ ...complete, NEXTAUTH_URL: "", COGNITO_ISSUER: "", STRIPE_API_BASE: "", PAYMENTS_SIMULATOR: "", INNGEST_DEV: "" });
    expect(env).toMatchObject({ NEXTAUTH_URL: "http://localhost:3000", COGNITO_ISSUER: undefined, PAYMENTS_SIMULATOR: undefined });
  });
});

describe("email", () => {
  it("Resend needs EMAIL_FROM anywhere, and its webhook secret in production", () => {
    expect(() => parseEnv({ ...complete, RESEND_API_KEY: "re_x" })).toThrow(/EMAIL_FROM: RESEND_API_KEY is set/);
    const production = { ...complete, NODE_ENV: "production", PAYMENTS_SIMULATOR: "1", RESEND_API_KEY: "re_x", EMAIL_FROM: "Shop <shop@example.com>" };
    expect(() => parseEnv(production)).toThrow(/RESEND_WEBHOOK_SECRET: RESEND_API_KEY is set/);
    expect(parseEnv({ ...production, RESEND_WEBHOOK_SECRET: "whsec_x" }).RESEND_API_KEY).toBe("re_x");
  });

  it("takes an SMTP catcher only by an smtp URL", () => {
    expect(() => parseEnv({ ...complete, SMTP_URL: "http://127.0.0.1:1080" })).toThrow(/SMTP_URL must be an smtp:\/\//);
    expect(parseEnv({ ...complete, SMTP_URL: "smtp://127.0.0.1:1025" }).SMTP_URL).toBe("smtp://127.0.0.1:1025");
  });

  it("refuses a sender that is not an address", () => {
    expect(() => parseEnv({ ...complete, EMAIL_FROM: "Emporium" })).toThrow(/EMAIL_FROM must be an address/);
    expect(parseEnv({ ...complete, EMAIL_FROM: "shop@example.com" }).EMAIL_FROM).toBe("shop@example.com");
  });
});

describe("SMS and web push", () => {
  const publicKey = Buffer.alloc(65, 4).toString("base64url");
  const privateKey = Buffer.alloc(32, 1).toString("base64url");

  it("SMS go through SNS only with a region; an endpoint override needs one, and AWS keys come in pairs", () => {
    expect(snsConfig(parseEnv(complete))).toBeNull();
    expect(snsConfig(parseEnv({ ...complete, SNS_REGION: "eu-west-1" }))).toEqual({ region: "eu-west-1" });
    expect(() => parseEnv({ ...complete, SNS_REGION: "Ireland" })).toThrow(/SNS_REGION must be an AWS region/);
    expect(() => parseEnv({ ...complete, SNS_ENDPOINT: "http://127.0.0.1:9" })).toThrow(/SNS_REGION: SNS_ENDPOINT is set/);
    expect(() => parseEnv({ ...complete, SNS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIA" })).toThrow(/set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });

  it("push is off without VAPID keys, refuses half a pair or keys of the wrong size, and signs as the shop's sender", () => {
    expect(vapidConfig(parseEnv({ ...complete, NODE_ENV: "production", PAYMENTS_SIMULATOR: "1" }))).toBeNull();
    expect(() => parseEnv({ ...complete, VAPID_PUBLIC_KEY: publicKey })).toThrow(/VAPID_PUBLIC_KEY: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/);
    expect(() => parseEnv({ ...complete, VAPID_PUBLIC_KEY: privateKey, VAPID_PRIVATE_KEY: privateKey })).toThrow(/65 bytes/);
    expect(() => parseEnv({ ...complete, VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: "http://shop.test" })).toThrow(/VAPID_SUBJECT must be a mailto:/);
    const e = parseEnv({ ...complete, VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, EMAIL_FROM: "Emporium <hello@shop.test>" });
    expect(vapidConfig(e)).toEqual({ publicKey, privateKey, subject: "mailto:hello@shop.test" });
  });
});

describe("file storage", () => {
  it("keeps files on disk unless S3_BUCKET is set; a bucket needs its region, and a region or endpoint needs a bucket", () => {
    expect(s3StorageConfig(parseEnv(complete))).toBeNull();
    const e = parseEnv({ ...complete, S3_BUCKET: "emporium-files", S3_REGION: "eu-west-1", S3_ENDPOINT: "http://127.0.0.1:9000" });
    expect(s3StorageConfig(e)).toEqual({ bucket: "emporium-files", region: "eu-west-1", endpoint: "http://127.0.0.1:9000" });
    expect(() => parseEnv({ ...complete, S3_BUCKET: "emporium-files" })).toThrow(/S3_REGION: S3_BUCKET is set/);
    expect(() => parseEnv({ ...complete, S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/S3_BUCKET: S3_REGION or S3_ENDPOINT is set without S3_BUCKET/);
    expect(() => parseEnv({ ...complete, S3_BUCKET: "Emporium_Files", S3_REGION: "eu-west-1" })).toThrow(/S3_BUCKET must be an S3 bucket name/);
    expect(() => parseEnv({ ...complete, S3_BUCKET: "emporium-files", S3_REGION: "eu-west-1", S3_ENDPOINT: "ftp://x" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
  });
});

describe("SHOP_TIME_ZONE", () => {
  it("is UTC when unset and takes an IANA zone", () => {
    expect(parseEnv({ ...complete, SHOP_TIME_ZONE: "" }).SHOP_TIME_ZONE).toBe("UTC");
    expect(parseEnv({ ...complete, SHOP_TIME_ZONE: "Europe/London" }).SHOP_TIME_ZONE).toBe("Europe/London");
  });

  it.each(["Mars/Olympus", "+05:00", "Europe/London; drop table orders"])("refuses %s", (value) => {
    expect(() => parseEnv({ ...complete, SHOP_TIME_ZONE: value })).toThrow(/SHOP_TIME_ZONE must be an IANA time zone/);
  });
});

describe("Meilisearch", () => {
  it("follows its variables from one call to the next, and refuses a bad host every time", () => {
    expect(meilisearchConfig({})).toBeNull();
    expect(meilisearchConfig({ MEILISEARCH_HOST: "http://127.0.0.1:7700", MEILISEARCH_API_KEY: "k1" })).toEqual({ host: "http://127.0.0.1:7700", apiKey: "k1" });
    expect(meilisearchConfig({ MEILISEARCH_HOST: "http://127.0.0.1:7700", MEILISEARCH_API_KEY: "k2" })).toEqual({ host: "http://127.0.0.1:7700", apiKey: "k2" });
    for (let i = 0; i < 2; i++) expect(() => meilisearchConfig({ MEILISEARCH_HOST: "ftp://search" })).toThrow(/MEILISEARCH_HOST must be an http\(s\) URL/);
    expect(meilisearchConfig({ MEILISEARCH_HOST: "" })).toBeNull();
  });
});
