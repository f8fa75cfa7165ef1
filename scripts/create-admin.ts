// `npm run admin:create -- --email you@example.com [--staff]`: creates the first admin (or, with --staff, a staff
// member: the admin area without refunds, price changes or the audit log), or gives an existing account that role, on
// DATABASE_URL or the embedded dev cluster. The password is read from stdin when piped, or asked for (hidden) on a terminal.
import { parseArgs } from "node:util";
import { createAdmin } from "../server/users/create-admin";
import { CreateAdminInput } from "../server/users/schemas";
import { openDevDatabase } from "./dev-database";

async function pipedPassword(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? "";
}

/** Reads one line from the terminal without echoing it. */
function hiddenPrompt(question: string): Promise<string> {
  process.stdout.write(question);
  process.stdin.setRawMode(true);
  process.stdin.setEncoding("utf8");
  process.stdin.resume();
  return new Promise((resolve) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const key of chunk) {
        if (key === "\u0003") process.exit(130);
        if (key === "\r" || key === "\n") {
          process.stdin.off("data", onData).setRawMode(false).pause();
          process.stdout.write("\n");
          return resolve(typed);
        }
        typed = key === "\u007f" || key === "\b" ? typed.slice(0, -1) : typed + key;
      }
    };
    process.stdin.on("data", onData);
  });
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) return pipedPassword();
  const password = await hiddenPrompt("Password: ");
  if ((await hiddenPrompt("Repeat it: ")) !== password) throw new Error("the two passwords differ: nothing changed");
  return password;
}

const { values } = parseArgs({ options: { email: { type: "string" }, staff: { type: "boolean", default: false } } });
if (!values.email) {
  console.error("usage: npm run admin:create -- --email you@example.com [--staff]   (password from stdin, or asked for)");
  process.exit(1);
}
const input = CreateAdminInput.safeParse({ email: values.email, password: await askPassword() });
if (!input.success) {
  console.error(input.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  process.exit(1);
}
const { db, close } = await openDevDatabase();
try {
  const role = values.staff ? "staff" : "admin";
  const { created } = await createAdmin({ db, actor: { type: "system", name: "admin:create" } }, input.data, role);
  const named = role === "staff" ? "staff" : "an admin";
  console.log(`${input.data.email} ${created ? `created as ${named}` : `is now ${named}, with the new password`}`);
} finally {
  await close();
}
