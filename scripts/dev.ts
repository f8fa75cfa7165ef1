import { runNext } from "./run-next";

await runNext("dev", process.argv.slice(2));
