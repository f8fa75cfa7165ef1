import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { stopProcessGroup, waitForServer } from "./support/server-process";

// Its own port, database and data folder: the server under test is stopped on purpose, mid-request.
const PORT = 3119;
const PG_PORT = 54410;
const PG_DIR = ".data/pg-e2e-shutdown";
const BASE_URL = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;

test.afterAll(async () => {
  if (server) await stopProcessGroup(server);
  rmSync(PG_DIR, { recursive: true, force: true });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

test("SIGTERM to npm start lets a request in flight finish, then stops the background jobs, the pool and the database", async () => {
  test.setTimeout(180_000);
  rmSync(PG_DIR, { recursive: true, force: true });
  // The local try-out (`npm start` without NODE_ENV, which ProcessEnv types as always set) on its own embedded cluster.
  const inherited = Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL" && name !== "NODE_ENV");
  const env = { ...Object.fromEntries(inherited), EMBEDDED_PG_DIR: PG_DIR, EMBEDDED_PG_PORT: String(PG_PORT), NEXTAUTH_URL: BASE_URL, SEED_PRODUCTS: "12", LOG_LEVEL: "info" } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "-p", String(PORT)], { env, detached: true, stdio: ["ignore", "pipe", "inherit"] });
  server = child;
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  await waitForServer(`${BASE_URL}/api/health`, child, 120_000);

  // A slow client: the headers and half the body now, the rest after SIGTERM.
  const body = JSON.stringify({ id: "evt_slow", type: "payment_intent.succeeded", data: { object: {} } });
  const slow = request(`${BASE_URL}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "stripe-signature": "t=1,v1=unsigned", "x-request-id": "slow-client" },
  });
  const answered = once(slow, "response") as Promise<[IncomingMessage]>;
  slow.write(body.slice(0, 20));
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  process.kill(child.pid!, "SIGTERM");
  await expect.poll(() => accepts(PORT), { timeout: 15_000 }).toBe(false);
  expect(child.exitCode).toBeNull();

  slow.end(body.slice(20));
  const [response] = await answered;
  response.resume();
  expect(response.statusCode).toBe(400);
  expect(response.headers["x-request-id"]).toBe("slow-client");

  const [code] = await exited;
  expect(code).toBe(143);
  const stopped = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg: string; part?: string })
    .filter((line) => line.msg === "shutdown: stopped")
    .map((line) => line.part);
  expect(stopped).toEqual(["page cache feed", "outbox relay", "in-process runner", "database pool"]);
  expect(await accepts(PG_PORT)).toBe(false);
});
