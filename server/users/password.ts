import bcrypt from "bcryptjs";

const COST = 10;

/** A real cost-10 hash of a random string nobody knows, compared against when there is no user, so a miss takes as long as a wrong password. */
const DUMMY_HASH = "$2b$10$WzCGAueQ0X6WRhdNuhqCgOhMYGPrEU75FCFJ0G10cvh0J18SdhAya";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Compares in constant-ish time; with no hash (unknown user, or an OpenID-only user) it still spends one bcrypt round and answers false. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash != null;
}
