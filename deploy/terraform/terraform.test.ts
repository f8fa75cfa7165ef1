import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, it } from "vitest";

// No terraform binary here (and `terraform validate` would download providers): the files are parsed with HashiCorp's
// HCL parser (compiled to WebAssembly in @cdktf/hcl2json) and their declarations checked.
type Blocks = Record<string, Record<string, Record<string, unknown>[]>>;
interface Config {
  resource: Blocks;
  data: Blocks;
  variable: Record<string, { description?: string; type?: string }[]>;
  output: Record<string, { description?: string }[]>;
}

const here = import.meta.dirname;
const files = readdirSync(here).filter((file) => file.endsWith(".tf"));
const source = (file: string) => readFileSync(path.join(here, file), "utf8");
let config: Config;

beforeAll(async () => {
  config = { resource: {}, data: {}, variable: {}, output: {} };
  for (const file of files) {
    const parsed = (await parse(file, source(file))) as Partial<Config>;
    for (const key of ["resource", "data"] as const) {
      for (const [type, blocks] of Object.entries(parsed[key] ?? {})) config[key][type] = { ...config[key][type], ...blocks };
    }
    Object.assign(config.variable, parsed.variable);
    Object.assign(config.output, parsed.output);
  }
});

const resource = (type: string, name: string) => config.resource[type]?.[name]?.[0];

describe("deploy/terraform", () => {
  it("parses, and declares the network, database, app, auth, files and alarms", () => {
    const declared = Object.entries(config.resource).flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${type}.${name}`));
    for (const address of [
      "aws_vpc.main",
      "aws_subnet.public",
      "aws_subnet.private",
      "aws_nat_gateway.main",
      "aws_db_instance.main",
      "aws_secretsmanager_secret.database",
      "aws_ecs_cluster.main",
      "aws_ecs_task_definition.web",
      "aws_ecs_task_definition.migrate",
      "aws_ecs_service.web",
      "aws_lb.main",
      "aws_lb_target_group.app",
      "aws_lb_listener.https",
      "aws_appautoscaling_target.web",
      "aws_appautoscaling_policy.web_cpu",
      "aws_cognito_user_pool.main",
      "aws_cognito_user_pool_client.web",
      "aws_cognito_user_pool_domain.main",
      "aws_cognito_user_group.admin",
      "aws_s3_bucket.files",
      "aws_cloudfront_distribution.files",
      "aws_cloudwatch_metric_alarm.app_5xx",
      "aws_cloudwatch_metric_alarm.latency",
      "aws_cloudwatch_metric_alarm.database_cpu",
    ]) {
      expect(declared).toContain(address);
    }
  });

  it("runs PostgreSQL Multi-AZ, private and encrypted, its credentials in Secrets Manager", () => {
    expect(resource("aws_db_instance", "main")).toMatchObject({ engine: "postgres", multi_az: true, publicly_accessible: false, storage_encrypted: true });
    const secret = JSON.stringify(resource("aws_secretsmanager_secret_version", "database"));
    expect(secret).toContain("DATABASE_URL");
    expect(secret).toContain("random_password.database.result");
    const web = JSON.stringify(resource("aws_ecs_task_definition", "web"));
    expect(web).not.toMatch(/random_password/);
    expect(JSON.stringify(config.resource)).not.toMatch(/sk_live_|whsec_[A-Za-z0-9]/);
  });

  it("runs the app on Fargate behind the load balancer, ready on /api/ready, scaled between min and max tasks", () => {
    expect(resource("aws_ecs_task_definition", "web")).toMatchObject({ requires_compatibilities: ["FARGATE"], network_mode: "awsvpc" });
    expect(resource("aws_ecs_service", "web")).toMatchObject({ launch_type: "FARGATE" });
    expect(resource("aws_lb_target_group", "app")).toMatchObject({ health_check: [{ path: "/api/ready" }] });
    expect(resource("aws_appautoscaling_target", "web")).toMatchObject({ min_capacity: "${var.app_min_tasks}", max_capacity: "${var.app_max_tasks}" });
    expect(JSON.stringify(resource("aws_ecs_task_definition", "migrate"))).toContain("db:migrate");
  });

  it("has a Cognito admin group and a code-flow client calling back to next-auth", () => {
    expect(resource("aws_cognito_user_group", "admin")).toMatchObject({ name: "admin" });
    expect(resource("aws_cognito_user_pool_client", "web")).toMatchObject({
      allowed_oauth_flows: ["code"],
      callback_urls: ["https://${var.domain_name}/api/auth/callback/cognito"],
    });
  });

  it("serves only images/ through CloudFront from a private bucket", () => {
    expect(resource("aws_s3_bucket_public_access_block", "files")).toMatchObject({ block_public_policy: true, restrict_public_buckets: true });
    expect(JSON.stringify(config.data.aws_iam_policy_document?.files_cdn)).toContain("/images/*");
  });

  it("alarms on 5xx, latency and database CPU", () => {
    const metrics = Object.values(config.resource.aws_cloudwatch_metric_alarm ?? {}).map((blocks) => blocks[0]?.metric_name);
    expect(metrics).toEqual(expect.arrayContaining(["HTTPCode_Target_5XX_Count", "TargetResponseTime", "CPUUtilization"]));
  });

  it("documents every variable and output", () => {
    for (const [name, [variable]] of Object.entries(config.variable)) expect(variable?.description, name).toBeTruthy();
    for (const [name, [output]] of Object.entries(config.output)) expect(output?.description, name).toBeTruthy();
  });

  // Not terraform fmt itself: its two rules that hand-written files break most often.
  it("keeps fmt's layout: two-space indents and aligned = in each run of one-line arguments", () => {
    for (const file of files) {
      const lines = source(file).split("\n");
      let run: { indent: number; equals: number; line: number }[] = [];
      const closeRun = () => {
        const columns = new Set(run.map((entry) => entry.equals));
        expect(columns.size, `${file}:${run[0]?.line} has = in columns ${[...columns].join(", ")}`).toBeLessThanOrEqual(1);
        run = [];
      };
      lines.forEach((text, index) => {
        const indent = text.length - text.trimStart().length;
        expect(indent % 2, `${file}:${index + 1} indent`).toBe(0);
        expect(text, `${file}:${index + 1} tab or trailing space`).not.toMatch(/\t|\s$/);
        const argument = /^(\s*)([\w-]+)(\s*)=\s/.exec(text);
        const oneLine = argument && !/[{[(]\s*$/.test(text);
        if (!oneLine || (run[0] && run[0].indent !== indent)) closeRun();
        if (argument && oneLine) run.push({ indent, equals: argument[1]!.length + argument[2]!.length + argument[3]!.length, line: index + 1 });
        if (argument && oneLine) expect(argument[3], `${file}:${index + 1} space before =`).not.toBe("");
      });
      closeRun();
    }
  });
});
