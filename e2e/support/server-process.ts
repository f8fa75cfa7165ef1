// Process plumbing shared by scripts/e2e.ts and bench/run.ts: build, start, wait for and stop a production server.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** Runs a command to completion with inherited output and resolves its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// Files that never reach the Next bundle; editing them must not force a rebuild.
const NOT_BUILD_INPUT = /^(e2e|bench|deploy|\.ci|\.github)\/|^playwright\.config\.ts$|^(Dockerfile|docker-compose\.yml|\.dockerignore)$|\.test\.tsx?$|\.md$/;

/**
 * True when `<distDir>/BUILD_ID` is newer than every tracked or untracked, non-ignored source file.
 * A deleted tracked file also counts as a change.
 */
export function buildIsCurrent(distDir: string): boolean {
  const stamp = path.join(distDir, "BUILD_ID");
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { encoding: "utf8" })
    .split("\0")
    .filter((file) => file && !NOT_BUILD_INPUT.test(file));
  return files.every((file) => existsSync(file) && statSync(file).mtimeMs < builtAt);
}

export async function buildNext(distDir: string, env: NodeJS.ProcessEnv = process.env) {
  console.log(`building with next build into ${distDir}`);
  // next build adds `<distDir>/types` to tsconfig.json's include; a build into a side folder must not edit a tracked file.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const { atime, mtime } = statSync("tsconfig.json");
  try {
    const code = await run("node_modules/.bin/next", ["build"], { env: { ...env, NEXT_DIST_DIR: distDir } });
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) {
      writeFileSync("tsconfig.json", tsconfig);
      utimesSync("tsconfig.json", atime, mtime);
    }
  }
}

/** Rejects with a message naming the port and what to do (`advice`) when the port is taken. */
export function assertPortFree(port: number, advice = "stop whatever listens there first"): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is already in use: ${advice}`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Starts a long-running command in its own process group, so stopProcessGroup can end it with everything it spawned. */
export function startGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { stdio: "inherit", ...options, detached: true });
}

/** Resolves once `url` answers with any HTTP status below 500; rejects when the process exits first or time runs out. */
export async function waitForServer(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server process exited before ${url} answered`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the group leader lets it shut down in order (the start script stops Next, then PostgreSQL);
 * whatever is still alive in the group after `graceMs` is killed.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 15_000) {
  const pgid = child.pid;
  if (pgid === undefined || !groupAlive(pgid)) return;
  child.kill("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
}
