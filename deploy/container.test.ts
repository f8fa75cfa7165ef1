import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { hasPinnedTag } from "./image-tag";

const root = new URL("../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");

/** Dockerfile instructions with continuation lines joined; comments dropped. */
function instructions(text: string) {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

describe("Dockerfile", () => {
  const steps = instructions(read("Dockerfile"));
  const stages = steps.reduce<{ name: string; steps: typeof steps }[]>((all, step) => {
    if (step.keyword === "FROM") all.push({ name: step.args.split(/\s+AS\s+/i)[1] ?? "", steps: [] });
    else all.at(-1)?.steps.push(step);
    return all;
  }, []);
  const runner = stages.at(-1)!;

  it("builds in stages and ends with the runner, which serves the standalone output as a non-root user", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["deps", "build", "migrate", "runner"]);
    const users = runner.steps.filter((step) => step.keyword === "USER").map((step) => step.args);
    expect(users.at(-1)).toBeDefined();
    expect(["root", "0"]).not.toContain(users.at(-1)?.split(":")[0]);
    expect(runner.steps.some((step) => step.keyword === "COPY" && step.args.includes(".next/standalone"))).toBe(true);
    expect(runner.steps.find((step) => step.keyword === "CMD")?.args).toBe('["node", "server.js"]');
  });

  it("has a HEALTHCHECK on /api/health in the runner", () => {
    const check = runner.steps.find((step) => step.keyword === "HEALTHCHECK");
    expect(check?.args).toMatch(/CMD .*\/api\/health/);
  });

  it("never migrates in the runner; the migrate stage runs npm run db:migrate as a non-root user", () => {
    expect(runner.steps.map((step) => step.args).join("\n")).not.toMatch(/migrate/);
    const migrate = stages.find((stage) => stage.name === "migrate")!;
    expect(migrate.steps.find((step) => step.keyword === "CMD")?.args).toBe('["npm", "run", "db:migrate"]');
    expect(migrate.steps.filter((step) => step.keyword === "USER").at(-1)?.args).toBe("node");
  });

  it("starts from a pinned Node image", () => {
    const base = steps.find((step) => step.keyword === "ARG" && step.args.startsWith("NODE_IMAGE="))?.args.split("=")[1];
    expect(base && hasPinnedTag(base)).toBe(true);
  });

  it("keeps dependencies, build output, local data and secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".git", ".env"]) expect(ignored).toContain(entry);
  });
});

interface ComposeService {
  image?: string;
  build?: { target?: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}

describe("docker-compose.yml", () => {
  const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;

  it("runs the app, PostgreSQL, Meilisearch, Inngest, Mailpit and a one-shot migration", () => {
    expect(Object.keys(services).sort()).toEqual(["app", "inngest", "mailpit", "meilisearch", "migrate", "postgres"]);
  });

  it("pins every image tag and limits every container", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.image && hasPinnedTag(service.image), `${name}: ${service.image}`).toBe(true);
      expect(service.deploy?.resources?.limits?.memory, name).toBeDefined();
      expect(service.deploy?.resources?.limits?.cpus, name).toBeDefined();
    }
  });

  it("gives every long-running service a health check", () => {
    for (const [name, service] of Object.entries(services)) {
      if (name !== "migrate") expect(service.healthcheck?.test, name).toBeDefined();
    }
  });

  it("starts the app only after the migration has finished, and never migrates in the app", () => {
    expect(services.migrate?.build?.target).toBe("migrate");
    expect(services.migrate?.command).toEqual(["npm", "run", "db:migrate"]);
    expect(services.app?.build?.target).toBe("runner");
    expect(services.app?.depends_on?.migrate).toEqual({ condition: "service_completed_successfully" });
    expect(services.app?.command).toBeUndefined();
  });

  it("points the app at the services beside it", () => {
    const env = services.app?.environment ?? {};
    expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(env.MEILISEARCH_HOST).toBe("http://meilisearch:7700");
    expect(env.INNGEST_BASE_URL).toBe("http://inngest:8288");
    expect(env.SMTP_URL).toBe("smtp://mailpit:1025");
    expect(services.inngest?.command).toContain("http://app:3000/api/inngest");
    expect(services.meilisearch?.environment?.MEILI_MASTER_KEY).toBeTruthy();
  });
});
