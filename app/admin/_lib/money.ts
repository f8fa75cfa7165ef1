import { MAX_CHARGE_AMOUNT } from "@/server/limits";
import { currencyExponent } from "@/server/money";

export type ParsedAmount = { ok: true; amount: number } | { ok: false; message: string };

/** "12.34" -> 1234 by string arithmetic, so no binary floating-point rounding ever touches the amount. */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replaceAll(",", ""));
  if (!match) return { ok: false, message: "Enter an amount such as 12.34" };
  const digits = currencyExponent(currency);
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no minor units` : `Use at most ${digits} decimal places` };
  }
  const amount = Number(`${match[1]}${fraction.padEnd(digits, "0")}`);
  if (amount > MAX_CHARGE_AMOUNT) return { ok: false, message: "That amount is too large" };
  return { ok: true, amount };
}

/** 1234 -> "12.34": the inverse of parseAmount, for filling inputs. */
export function amountToText(amount: number, currency: string): string {
  const digits = currencyExponent(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
