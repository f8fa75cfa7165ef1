import { adminProcedure } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

type AnyProcedure = { _def: { type: "query" | "mutation" | "subscription"; middlewares: unknown[] } };
const adminGate = adminProcedure._def.middlewares;

/** The paths of every procedure built on adminProcedure (its gate and audit middlewares), sorted; `type` narrows them. */
export function adminProcedurePaths(type?: "query" | "mutation"): string[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
    .filter(([, p]) => (!type || p._def.type === type) && adminGate.every((m) => p._def.middlewares.includes(m)))
    .map(([path]) => path)
    .sort();
}

/** Calls a procedure by its path with an untyped input, for the tests that enumerate the router. */
export function callPath(caller: object, path: string, input: unknown): Promise<unknown> {
  const [router, name] = path.split(".") as [string, string];
  return (caller as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[router]![name]!(input);
}

/** The procedure names of one router (`inventory` → `adjust`, `transfer`, …), for its authorisation matrix. */
export function procedureNamesOf(router: string): string[] {
  return Object.keys(appRouter._def.procedures)
    .filter((path) => path.startsWith(`${router}.`))
    .map((path) => path.slice(router.length + 1));
}

/** Calls `router.name` with the input `inputs[name]` makes; a procedure the test gives no input fails it by name. */
export async function callWithValidInput(caller: object, router: string, name: string, inputs: Record<string, () => unknown>): Promise<unknown> {
  const input = inputs[name];
  if (!input) throw new Error(`give ${router}.${name} a valid input in this test`);
  return callPath(caller, `${router}.${name}`, await input());
}
