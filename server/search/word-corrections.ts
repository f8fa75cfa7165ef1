import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

/** The vocabulary's version (migration 0064), to read in the same statement as what depends on the vocabulary. */
export const vocabularyVersion = sql<number>`(select version from search_vocabulary)`;

/** The most words remembered per database; past it the oldest are forgotten first. */
export const MAX_REMEMBERED_WORDS = 10_000;

interface Memory {
  /** The vocabulary version the corrections were looked up under. */
  version: number;
  /** A word's correction: itself when it is known or nothing is close. */
  words: Map<string, string>;
}

const memories = new WeakMap<object, Memory>();

/**
 * The memory of ctx's database. None inside a transaction: one that changed the vocabulary sees a version that is not
 * committed and may never be (a rollback frees its number for another change).
 */
function memoryOf(ctx: ServiceContext): Memory | null {
  if (ctx.inTransaction || !("$client" in ctx.db)) return null;
  const client = ctx.db.$client as object;
  let memory = memories.get(client);
  if (!memory) memories.set(client, (memory = { version: 0, words: new Map() }));
  return memory;
}

/** Whether memory holds `version`'s corrections, after forgetting them all when `version` is newer. */
function current(memory: Memory, version: number): boolean {
  if (version > memory.version) {
    memory.words.clear();
    memory.version = version;
  }
  return version === memory.version;
}

/** The remembered corrections of `words` with the version they hold for, or null when one is not remembered. */
export function rememberedCorrections(ctx: ServiceContext, words: string[]): { version: number; corrected: string[] } | null {
  const memory = memoryOf(ctx);
  if (!memory) return null;
  const corrected: string[] = [];
  for (const word of words) {
    const correction = memory.words.get(word);
    if (correction === undefined) return null;
    corrected.push(correction);
  }
  return { version: memory.version, corrected };
}

/** Whether corrections remembered under `version` still hold, read as `vocabularyVersion` (older ones are forgotten). */
export function stillCurrent(ctx: ServiceContext, version: number, read: number): boolean {
  const memory = memoryOf(ctx);
  return memory !== null && current(memory, read) && read === version;
}

/** Remembers corrections looked up under vocabulary `version`. */
export function remember(ctx: ServiceContext, version: number, corrections: [word: string, correction: string][]) {
  const memory = memoryOf(ctx);
  if (!memory || !current(memory, version)) return;
  for (const [word, correction] of corrections) {
    memory.words.delete(word);
    memory.words.set(word, correction);
  }
  for (const oldest of memory.words.keys()) {
    if (memory.words.size <= MAX_REMEMBERED_WORDS) break;
    memory.words.delete(oldest);
  }
}
