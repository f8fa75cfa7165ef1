import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/db";
import { nextPort, nodeVersionProblem } from "./preflight";

const t = useTestDatabase();
const cwd = mkdtempSync(path.join(tmpdir(), "emporium-preflight-"));
let taken: Server;
let takenPort: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  takenPort = (taken.address() as { port: number }).port;
});
afterAll(() => {
  taken.close();
  rmSync(cwd, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return spawnSync(process.execPath, ["--import", tsx, path.resolve("scripts/start.ts")], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"), ...env },
  });
}

describe("starting on a machine that is not ready", () => {
  it("names the Node version needed and how to get it when Node is too old", () => {
    expect(nodeVersionProblem("18.20.4")).toMatch(/needs Node\.js 20\.19 or newer .*this is Node\.js 18\.20\.4\. With nvm: nvm install && nvm use/);
    expect(nodeVersionProblem("20.9.0")).toMatch(/needs Node\.js 20\.19/);
    expect(nodeVersionProblem("20.19.0")).toBeNull();
    expect(nodeVersionProblem(process.versions.node)).toBeNull();
    expect(nodeVersionProblem("22.1.0")).toBeNull();
  });

  it("reads the web server's port as next does: -p or --port, else PORT, else 3000", () => {
    expect(nextPort(["-p", "3107"], { PORT: "4000" })).toBe(3107);
    expect(nextPort(["--port=3108"], {})).toBe(3108);
    expect(nextPort([], { PORT: "4000" })).toBe(4000);
    expect(nextPort([], {})).toBe(3000);
  });

  it("stops before Next starts when the web server's port is taken, naming it and PORT=", () => {
    const secrets = { NEXTAUTH_SECRET: "s".repeat(40), LINK_SIGNING_SECRET: `k1:${"l".repeat(40)}`, STRIPE_WEBHOOK_SECRET: "whsec_x" };
    const run = start({ ...secrets, NODE_ENV: "production", PAYMENTS_SIMULATOR: "1", PORT: String(takenPort), DATABASE_URL: t.url });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`port ${takenPort} is already in use: the web server needs it`);
    expect(run.stderr).toContain(`PORT=${takenPort + 1} npm run start`);
    expect(run.stdout).not.toContain("Ready in");
  });

  it("stops before the embedded PostgreSQL starts when its port is taken, naming it and EMBEDDED_PG_PORT=", () => {
    const run = start({ PORT: "54498", EMBEDDED_PG_PORT: String(takenPort) });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`port ${takenPort} is already in use: the embedded PostgreSQL needs it`);
    expect(run.stderr).toContain(`EMBEDDED_PG_PORT=${takenPort + 1}`);
    expect(run.stdout).not.toContain("database ready");
  });
});
