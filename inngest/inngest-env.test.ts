import { describe, expect, it } from "vitest";
import { inngestConfigured, parseEnv } from "@/server/env";
import { developmentEnv } from "@/test/env";

const base = developmentEnv;

describe("Inngest settings", () => {
  it("runs the functions in-process when nothing is set, on Inngest with INNGEST_DEV=1 or with both keys", () => {
    expect(inngestConfigured(parseEnv(base))).toBe(false);
    expect(inngestConfigured(parseEnv({ ...base, INNGEST_DEV: "0" }))).toBe(false);
    expect(inngestConfigured(parseEnv({ ...base, INNGEST_DEV: "1" }))).toBe(true);
    expect(inngestConfigured(parseEnv({ ...base, INNGEST_DEV: "http://127.0.0.1:8288" }))).toBe(true);
    expect(inngestConfigured(parseEnv({ ...base, INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: "signkey-prod-1" }))).toBe(true);
  });

  it("refuses one key without the other, and an INNGEST_DEV that is neither a flag nor a URL", () => {
    expect(() => parseEnv({ ...base, INNGEST_EVENT_KEY: "evt" })).toThrow(/INNGEST_EVENT_KEY: set both INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or neither/);
    expect(() => parseEnv({ ...base, INNGEST_SIGNING_KEY: "signkey-prod-1" })).toThrow(/set both/);
    expect(() => parseEnv({ ...base, INNGEST_DEV: "yes" })).toThrow(/INNGEST_DEV must be 1, 0 or the dev server's URL/);
    expect(() => parseEnv({ ...base, INNGEST_BASE_URL: "inngest.local" })).toThrow(/INNGEST_BASE_URL must be a URL/);
  });
});
