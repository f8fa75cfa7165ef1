import { dictionary } from "@zxcvbn-ts/language-common";
import { invalid } from "../errors";

let common: Set<string> | undefined;

/** The 49,000 most common passwords (zxcvbn's list), compared in lower case, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** A length-valid password that is on the common list, or one character repeated, is refused on `field`. */
export function assertUncommonPassword(password: string, field = "password"): void {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || new Set(lower).size < 3) {
    throw invalid("Choose a less common password", { [field]: "This password is too common: choose another" });
  }
}
