import { readFileSync } from "node:fs";
import path from "node:path";
import { assertPortFree } from "../e2e/support/server-process";

/** package.json's `engines.node`, `>=MAJOR.MINOR`: the oldest Node the project runs on (.nvmrc names the one it is tested on). */
function requiredNode(): { major: number; minor: number } {
  const { engines } = JSON.parse(readFileSync(path.join(import.meta.dirname, "../package.json"), "utf8")) as { engines: { node: string } };
  const match = /^>=(\d+)\.(\d+)/.exec(engines.node);
  if (!match) throw new Error(`package.json engines.node must read >=MAJOR.MINOR, not ${engines.node}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Null when `version` (process.versions.node) is new enough, else what to do about it. */
export function nodeVersionProblem(version: string, required = requiredNode()): string | null {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > required.major || (major === required.major && minor >= required.minor)) return null;
  return `Emporium needs Node.js ${required.major}.${required.minor} or newer (package.json engines; .nvmrc names the tested version), and this is Node.js ${version}. With nvm: nvm install && nvm use; or install Node ${required.major} LTS from your package manager.`;
}

/** The port `next dev|start` will listen on: `-p`/`--port` in its arguments, else PORT, else 3000. */
export function nextPort(args: string[], env: Record<string, string | undefined>): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-p" || arg === "--port") return Number(args[i + 1]);
    if (arg.startsWith("--port=")) return Number(arg.slice("--port=".length));
  }
  return Number(env.PORT || 3000);
}

/** Throws what to do when this Node is too old for the project. */
export function checkNodeVersion(): void {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) throw new Error(problem);
}

const script = (command: "dev" | "start") => `npm run ${command}`;

/** Throws, naming the port and PORT=, when the web server's port is taken. */
export function checkWebPort(port: number, command: "dev" | "start"): Promise<void> {
  return assertPortFree(port, `the web server needs it. Stop what listens there (another ${script(command)}?) or choose another port: PORT=${port + 1} ${script(command)}`);
}

/** Throws, naming the port and EMBEDDED_PG_PORT=, when the embedded PostgreSQL's port is taken. */
export function checkDatabasePort(port: number, command: "dev" | "start"): Promise<void> {
  return assertPortFree(
    port,
    `the embedded PostgreSQL needs it. Stop what listens there (another npm run dev or npm start of this checkout?) or choose another port: EMBEDDED_PG_PORT=${port + 1} ${script(command)}`,
  );
}
