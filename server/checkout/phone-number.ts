// Country calling codes of the markets we ship to most, and the national trunk prefix dialled before an area code there.
const DIALLING: Record<string, { code: string; trunk?: string }> = {
  US: { code: "1", trunk: "1" },
  CA: { code: "1", trunk: "1" },
  GB: { code: "44", trunk: "0" },
  IE: { code: "353", trunk: "0" },
  DE: { code: "49", trunk: "0" },
  FR: { code: "33", trunk: "0" },
  ES: { code: "34" },
  IT: { code: "39" },
  NL: { code: "31", trunk: "0" },
  AU: { code: "61", trunk: "0" },
  NZ: { code: "64", trunk: "0" },
  JP: { code: "81", trunk: "0" },
};

/**
 * A phone number as a shopper types it, in E.164 ("+447700900123"), which SMS providers require; null when it cannot be
 * one. A number with "+" or "00" is international already; any other is read as dialled inside `country`, whose trunk
 * prefix is dropped. A number from a country not listed needs its "+".
 */
export function toE164(typed: string, country: string): string | null {
  let number = typed.replace(/[\s().\-/]/g, "");
  if (number.startsWith("00")) number = `+${number.slice(2)}`;
  if (!number.startsWith("+")) {
    const dialling = DIALLING[country];
    if (!dialling) return null;
    if (dialling.trunk && number.startsWith(dialling.trunk) && !(dialling.code === "1" && number.length === 10)) number = number.slice(dialling.trunk.length);
    number = `+${dialling.code}${number}`;
  }
  if (!/^\+[1-9]\d{7,14}$/.test(number)) return null;
  // North American numbers are ten digits after the 1.
  return number.startsWith("+1") && number.length !== 12 ? null : number;
}
