import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { hasPinnedTag } from "../../deploy/image-tag";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  container?: { image: string };
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = (file: string) => parse(readFileSync(path.join(import.meta.dirname, file), "utf8")) as { on: unknown; jobs: Record<string, Job> };
const root = path.join(import.meta.dirname, "../..");

/** The commands the README's first code block tells a newcomer to run. */
function readmeCommands() {
  const block = /```sh\n([\s\S]*?)```/.exec(readFileSync(path.join(root, "README.md"), "utf8"))?.[1] ?? "";
  return block.split("\n").flatMap((line) => line.replace(/#.*$/, "").split("&&")).map((command) => command.trim()).filter(Boolean);
}

describe("ci.yml", () => {
  const ci = workflow("ci.yml");
  const test = ci.jobs.test!;
  const runs = test.steps.map((step) => step.run).filter(Boolean);

  it("runs the README's test command, lint, types, the build and Playwright", () => {
    expect(readmeCommands()).toContain("npm test");
    expect(runs).toEqual(expect.arrayContaining(["npm test", "npm run lint", "npm run typecheck", "npm run build", "npm run test:e2e"]));
    expect(runs.indexOf("npm run build")).toBeLessThan(runs.indexOf("npm run test:e2e"));
  });

  it("gives the tests PostgreSQL and Meilisearch as service containers with pinned tags", () => {
    expect(Object.keys(test.services ?? {}).sort()).toEqual(["meilisearch", "postgres"]);
    for (const service of Object.values(test.services ?? {})) expect(hasPinnedTag(service.image), service.image).toBe(true);
    expect(hasPinnedTag(test.container!.image)).toBe(true);
    expect(test.env?.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(test.env?.MEILISEARCH_HOST).toBe("http://meilisearch:7700");
  });

  it("builds both images without pushing", () => {
    const builds = ci.jobs.image!.steps.filter((step) => step.uses?.startsWith("docker/build-push-action"));
    expect(builds.map((step) => [step.with?.target, step.with?.push])).toEqual([
      ["runner", false],
      ["migrate", false],
    ]);
  });
});

describe("release.yml", () => {
  it("pushes both images for a version tag, tagged with the version and never latest", () => {
    const release = workflow("release.yml");
    const job = release.jobs.image as Job & { strategy: { matrix: { include: { target: string }[] } } };
    expect(job.strategy.matrix.include.map((entry) => entry.target).sort()).toEqual(["migrate", "runner"]);
    const meta = job.steps.find((step) => step.uses?.startsWith("docker/metadata-action"));
    expect(meta?.with).toMatchObject({ flavor: "latest=false", tags: "type=semver,pattern={{version}}" });
    expect(job.steps.find((step) => step.uses?.startsWith("docker/build-push-action"))?.with?.push).toBe(true);
  });
});
