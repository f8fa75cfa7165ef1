import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";

type Variables = Record<string, string | undefined>;

/** Structured fields that never reach a log line, wherever they sit in a logged object (one level deep or two). */
const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "secret",
  "token",
  "apiKey",
  "authorization",
  "cookie",
  "set-cookie",
  "stripe-signature",
  "x-hmac-signature",
  "cardNumber",
  "cvc",
  "email",
  "phone",
  "address",
  "shippingAddress",
];
export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`]);

/** Environment variables whose values are secrets: any of them found in a line (an error message, a URL) is masked. */
const SECRET_VARIABLE = /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL/;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function secretValues(source: Variables): string[] {
  return Object.entries(source)
    .filter(([name, value]) => SECRET_VARIABLE.test(name) && value && value.length >= 8)
    .flatMap(([, value]) => [value!, JSON.stringify(value!).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Masks what must not be stored in logs from a finished line: the values of secret variables, passwords in connection
 * URLs, and card numbers (14 to 19 digits, spaced or not, passing the Luhn check; a 13-digit epoch time is left alone).
 */
export function scrubber(source: Variables = process.env): (line: string) => string {
  const secrets = secretValues(source);
  const secretPattern = secrets.length > 0 ? new RegExp(secrets.map(escape).join("|"), "g") : null;
  return (line) => {
    let out = secretPattern ? line.replace(secretPattern, "[redacted]") : line;
    out = out.replace(/(\w+:\/\/[^:/\s"@]+:)[^@\s"/]+@/g, "$1[redacted]@");
    return out.replace(/\b\d(?:[ -]?\d){13,18}\b/g, (match) => (luhnValid(match.replace(/\D/g, "")) ? "[card]" : match));
  };
}

const requests = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` as part of a request: every line logged inside it, and every event it writes, carries `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

/** Runs a background function's work for an event under the id of the request that wrote the event, when it has one. */
export function withEventRequestId<T>(event: { data: Record<string, unknown> }, fn: () => T): T {
  const requestId = event.data.requestId;
  return typeof requestId === "string" ? requests.run({ requestId }, fn) : requests.exit(fn);
}

/** Runs `fn` outside any request, for background work a request happened to wake (its lines must not carry that id). */
export function outsideRequest<T>(fn: () => T): T {
  return requests.exit(fn);
}

/**
 * The server's logger: JSON lines on stdout in production (one object per line, for the platform's log collector),
 * readable lines in development, nothing under Vitest unless LOG_LEVEL asks. `LOG_LEVEL` overrides the level.
 */
export function createLogger(options: { write?: (line: string) => void; pretty?: boolean; level?: string; env?: Variables; redact?: boolean } = {}): Logger {
  const source = options.env ?? process.env;
  const scrub = scrubber(source);
  const pretty = options.pretty ? prettyFactory({ colorize: false, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" }) : null;
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const destination: DestinationStream = { write: (line) => write(pretty ? pretty(scrub(line)) : scrub(line)) };
  const level = options.level ?? source.LOG_LEVEL ?? (source.VITEST ? "silent" : "info");
  return pino(
    {
      level,
      base: undefined,
      ...(options.redact === false ? {} : { redact: { paths: REDACT_PATHS, censor: "[redacted]" } }),
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { emporiumLog?: Logger; emporiumRequestLog?: Logger };

/** The process's logger (one across Next's bundles and hot reloads). */
export function log(): Logger {
  globalForLog.emporiumLog ??= createLogger({ pretty: process.env.NODE_ENV === "development" });
  return globalForLog.emporiumLog;
}

/**
 * The logger of the one line per request (method, path, status, duration: no field that is ever redacted): without
 * redaction, whose walk of 48 paths cost more than the rest of the line. Its lines are scrubbed like every other.
 */
export function requestLog(): Logger {
  globalForLog.emporiumRequestLog ??= createLogger({ pretty: process.env.NODE_ENV === "development", redact: false });
  return globalForLog.emporiumRequestLog;
}
