// The local fake Resend in a process of its own, so the bench's CPU reading holds the shop's work and not the stand-in's.
import { startFakeResend } from "../test/fake-resend";

const fake = await startFakeResend();
process.stdout.write(`${fake.url}\n`);
process.on("SIGTERM", () => void fake.close().finally(() => process.exit(0)));
