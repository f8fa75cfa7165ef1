import argon2 from "argon2";
import bcrypt from "bcryptjs";
import { inHashSlot } from "./hash-slots";

/** OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): about 37 ms of CPU per hash on this 2-core machine. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id hash of a random string nobody knows, checked when there is no user, so a miss costs what a wrong password does. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,p=1,t=2$UJHYLq8HBeyzqoeaUZdYaQ$BNdZP1oqC/q46KQ0a9/bNTVthH5Gy+V6lQwAESNonHg";

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => argon2.hash(password, ARGON2));
}

/** True for a hash made before argon2id (bcrypt) or with weaker settings: sign-in replaces it while it has the password. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith("$argon2id$") || argon2.needsRehash(hash, ARGON2);
}

/**
 * Checks argon2id hashes and the bcrypt ones accounts had before (upgraded at their next sign-in); with no hash (unknown
 * user, or an OpenID-only user) it still spends one argon2id verify and answers false.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (hash?.startsWith("$2")) return inHashSlot(() => bcrypt.compare(password, hash));
  const matches = await inHashSlot(() => argon2.verify(hash ?? DUMMY_HASH, password));
  return matches && hash != null;
}
