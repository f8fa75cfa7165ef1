import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { devDatabaseSettings } from "./dev-database";
import { checkServerEnvironment, serverEnvironment } from "./server-environment";

const dataDir = mkdtempSync(path.join(tmpdir(), "emporium-env-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** .env.example copied as it is: every variable present, every value empty. */
const copiedExample = Object.fromEntries(
  readFileSync(".env.example", "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), ""]),
);

describe("the start scripts' environment", () => {
  it("reads .env.example copied as it is like no settings at all", () => {
    expect(Object.keys(copiedExample)).toEqual(expect.arrayContaining(["DATABASE_URL", "EMBEDDED_PG_DIR", "LINK_SIGNING_SECRET", "PAYMENTS_SIMULATOR"]));
    expect(Object.values(copiedExample).every((value) => value === "")).toBe(true);
    expect(devDatabaseSettings(copiedExample)).toEqual({ port: 54329, dataDir: ".data/pg", seedProducts: 600, seedOrders: 0 });

    const env = serverEnvironment({ ...copiedExample, NODE_ENV: "development" }, { production: false, dataDir });
    expect(() => checkServerEnvironment(env, "dev")).not.toThrow();
    expect(() => checkServerEnvironment(env, "start")).not.toThrow();
    expect(env).toMatchObject({ NEXTAUTH_URL: "http://localhost:3000", LINK_SIGNING_SECRET: expect.stringMatching(/^local:[0-9a-f]{64}$/), STRIPE_WEBHOOK_SECRET: expect.stringMatching(/^whsec_/), PAYMENTS_SIMULATOR: "1" });
  });

  it("serves sign-in on the port it runs on: an unset NEXTAUTH_URL follows the port outside production", () => {
    expect(serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir, port: 3001 }).NEXTAUTH_URL).toBe("http://localhost:3001");
    expect(serverEnvironment({ NODE_ENV: "development", NEXTAUTH_URL: "https://shop.example" }, { production: false, dataDir, port: 3001 }).NEXTAUTH_URL).toBe("https://shop.example");
    expect(serverEnvironment({ NODE_ENV: "development", NEXTAUTH_URL: "" }, { production: false, dataDir, port: 4100 }).NEXTAUTH_URL).toBe("http://localhost:4100");
  });

  it("generates each development secret once and keeps what is set", () => {
    const first = serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir });
    const second = serverEnvironment({ NODE_ENV: "development", NEXTAUTH_SECRET: "mine".repeat(10) }, { production: false, dataDir });
    expect(second.LINK_SIGNING_SECRET).toBe(first.LINK_SIGNING_SECRET);
    expect(second.STRIPE_WEBHOOK_SECRET).toBe(first.STRIPE_WEBHOOK_SECRET);
    expect(second.NEXTAUTH_SECRET).toBe("mine".repeat(10));
  });

  it("generates the carrier webhook secret for the simulator, and none with an EasyPost key (it comes from EasyPost's dashboard)", () => {
    const first = serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir });
    expect(first.EASYPOST_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir }).EASYPOST_WEBHOOK_SECRET).toBe(first.EASYPOST_WEBHOOK_SECRET);
    expect(serverEnvironment({ NODE_ENV: "development", EASYPOST_API_KEY: "EZTK123" }, { production: false, dataDir }).EASYPOST_WEBHOOK_SECRET).toBeUndefined();
  });

  it("generates the web push key pair once into vapid.json, unless both keys are set", () => {
    const first = serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir });
    expect(first.VAPID_PUBLIC_KEY && Buffer.from(first.VAPID_PUBLIC_KEY, "base64url")).toHaveLength(65);
    expect(first.VAPID_PRIVATE_KEY && Buffer.from(first.VAPID_PRIVATE_KEY, "base64url")).toHaveLength(32);
    expect(JSON.parse(readFileSync(path.join(dataDir, "vapid.json"), "utf8"))).toEqual({ publicKey: first.VAPID_PUBLIC_KEY, privateKey: first.VAPID_PRIVATE_KEY });
    expect(serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir })).toMatchObject({ VAPID_PUBLIC_KEY: first.VAPID_PUBLIC_KEY });
    const own = { VAPID_PUBLIC_KEY: Buffer.alloc(65, 4).toString("base64url"), VAPID_PRIVATE_KEY: Buffer.alloc(32, 1).toString("base64url") };
    expect(serverEnvironment({ NODE_ENV: "development", ...own }, { production: false, dataDir })).toMatchObject(own);
    expect(() => checkServerEnvironment({ ...serverEnvironment({ NODE_ENV: "development" }, { production: false, dataDir }), VAPID_PRIVATE_KEY: "" }, "dev")).toThrow(/VAPID_PUBLIC_KEY: set both/);
  });

  it("with Stripe, switches no simulator on and makes up no webhook secret", () => {
    const env = serverEnvironment({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_x" }, { production: false, dataDir });
    expect(env.PAYMENTS_SIMULATOR).toBeUndefined();
    expect(() => checkServerEnvironment(env, "dev")).toThrow(/STRIPE_WEBHOOK_SECRET is not set/);
  });

  it("in production generates nothing and names every missing variable", () => {
    const env = serverEnvironment({ ...copiedExample, NODE_ENV: "production" }, { production: true, dataDir: path.join(dataDir, "never") });
    expect(() => checkServerEnvironment(env, "start")).toThrow(/NEXTAUTH_SECRET[^]*LINK_SIGNING_SECRET[^]*STRIPE_WEBHOOK_SECRET[^]*STRIPE_SECRET_KEY[^]*PAYMENTS_SIMULATOR/);
  });
});
