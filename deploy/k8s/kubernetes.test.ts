import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { hasPinnedTag } from "../image-tag";

const here = import.meta.dirname;

// kubectl is not installed here, so kustomize never runs: these checks read the files as kustomize would find them.
interface Resource {
  kind: string;
  metadata: { name: string };
  spec?: Record<string, unknown>;
}
interface Container {
  name: string;
  image: string;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
}

function load(dir: string): Resource[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((doc) => {
        expect(doc.errors, file).toEqual([]);
        return doc.toJS() as Resource;
      }),
    );
}

const base = load(path.join(here, "base"));
const overlay = load(path.join(here, "overlays/production"));
const byKind = (kind: string) => base.filter((resource) => resource.kind === kind);
const podSpec = (resource: Resource) => (resource.spec as { template: { spec: { containers: Container[] } } }).template.spec;

describe("deploy/k8s base", () => {
  it("has the web Deployment, Service, Ingress, HPA, PodDisruptionBudget, migration Job, ConfigMap and Meilisearch", () => {
    const kinds = base.filter((r) => r.kind !== "Kustomization").map((resource) => `${resource.kind}/${resource.metadata.name}`).sort();
    expect(kinds).toEqual(
      [
        "ConfigMap/emporium-config",
        "Deployment/emporium-web",
        "Service/emporium-web",
        "Ingress/emporium-web",
        "HorizontalPodAutoscaler/emporium-web",
        "PodDisruptionBudget/emporium-web",
        "Job/emporium-migrate",
        "StatefulSet/meilisearch",
        "Service/meilisearch",
      ].sort(),
    );
  });

  it("lists every manifest file in the kustomization", () => {
    const kustomization = base.find((resource) => resource.kind === "Kustomization") as unknown as { resources: string[] };
    const files = readdirSync(path.join(here, "base")).filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml");
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it("gives every long-running container readiness and liveness probes", () => {
    for (const workload of [...byKind("Deployment"), ...byKind("StatefulSet")]) {
      for (const container of podSpec(workload).containers) {
        expect(container.readinessProbe, `${workload.metadata.name}/${container.name}`).toBeDefined();
        expect(container.livenessProbe, `${workload.metadata.name}/${container.name}`).toBeDefined();
      }
    }
    const web = podSpec(byKind("Deployment")[0]!).containers[0]!;
    expect(web.readinessProbe).toMatchObject({ httpGet: { path: "/api/ready" } });
    expect(web.livenessProbe).toMatchObject({ httpGet: { path: "/api/health" } });
  });

  it("gives every container (Job included) requests, limits and a pinned image tag", () => {
    for (const workload of [...byKind("Deployment"), ...byKind("StatefulSet"), ...byKind("Job")]) {
      for (const container of podSpec(workload).containers) {
        const label = `${workload.metadata.name}/${container.name}`;
        expect(hasPinnedTag(container.image), `${label}: ${container.image}`).toBe(true);
        expect(Object.keys(container.resources?.requests ?? {}).sort(), label).toEqual(["cpu", "memory"]);
        expect(Object.keys(container.resources?.limits ?? {}).sort(), label).toEqual(["cpu", "memory"]);
      }
    }
  });

  it("runs the app and the migration from the ConfigMap and the Secret, the migration as its own Job", () => {
    for (const workload of [...byKind("Deployment"), ...byKind("Job")]) {
      const envFrom = podSpec(workload).containers[0]!.envFrom ?? [];
      expect(envFrom.map((source) => source.configMapRef?.name ?? source.secretRef?.name)).toEqual(["emporium-config", "emporium-secrets"]);
    }
    const job = podSpec(byKind("Job")[0]!).containers[0]!;
    expect((job as unknown as { command: string[] }).command).toEqual(["npm", "run", "db:migrate"]);
    expect(JSON.stringify(byKind("Deployment"))).not.toContain("db:migrate");
  });

  it("keeps Meilisearch's data on a volume claimed by its StatefulSet", () => {
    const meilisearch = byKind("StatefulSet")[0]!.spec as { volumeClaimTemplates: { metadata: { name: string } }[] };
    expect(meilisearch.volumeClaimTemplates.map((claim) => claim.metadata.name)).toEqual(["data"]);
  });
});

describe("deploy/k8s production overlay", () => {
  const kustomization = overlay.find((resource) => resource.kind === "Kustomization") as unknown as {
    resources: string[];
    images: { name: string; newName: string; newTag: string }[];
    patches: { path: string }[];
  };

  it("builds on the base and pins both images", () => {
    expect(kustomization.resources).toEqual(["../../base"]);
    const baseImages = [...byKind("Deployment"), ...byKind("Job")].map((workload) => podSpec(workload).containers[0]!.image.split(":")[0]);
    expect(kustomization.images.map((image) => image.name).sort()).toEqual(baseImages.sort());
    for (const image of kustomization.images) expect(hasPinnedTag(`${image.newName}:${image.newTag}`)).toBe(true);
  });

  it("patches only resources the base defines, each patch listed", () => {
    const files = readdirSync(path.join(here, "overlays/production")).filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml");
    expect(kustomization.patches.map((patch) => patch.path).sort()).toEqual(files.sort());
    for (const resource of overlay.filter((r) => r.kind !== "Kustomization")) {
      expect(base.some((r) => r.kind === resource.kind && r.metadata.name === resource.metadata.name), `${resource.kind}/${resource.metadata.name}`).toBe(true);
    }
  });
});
