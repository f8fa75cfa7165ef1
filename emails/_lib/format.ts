const moneyFormats = new Map<string, { format: Intl.NumberFormat; decimals: number }>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Integer minor units in an ISO currency, with the currency's own number of decimals: (129900, "USD") is "$1,299.00",
 * (1500, "JPY") is "¥1,500", (1500, "KWD") is "KWD 1.500". Formatters are kept, as building one costs more than a render,
 * and so are their decimals (resolvedOptions builds a fresh object, about 4 µs, on every call).
 */
export function formatMoney(amountMinor: number, currency: string): string {
  let money = moneyFormats.get(currency);
  if (!money) {
    const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    money = { format, decimals: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(currency, money);
  }
  return money.format.format(amountMinor / 10 ** money.decimals);
}

/** An ISO timestamp as a reader's date and time in the given zone, naming the zone: "Dec 3, 2026, 2:30 PM GMT". */
export function formatDateTime(iso: string, timeZone: string): string {
  return dateFormat(timeZone, true).format(new Date(iso));
}

/** An ISO timestamp as a day in the given zone: "Thursday, December 3". */
export function formatDay(iso: string, timeZone: string): string {
  return dateFormat(timeZone, false).format(new Date(iso));
}

function dateFormat(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      "en-US",
      withTime
        ? { timeZone, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }
        : { timeZone, weekday: "long", month: "long", day: "numeric" },
    );
    dateFormats.set(key, format);
  }
  return format;
}

let regions: Intl.DisplayNames | undefined;

/** "GB" as "United Kingdom"; a code Intl does not know is shown as it is. */
export function countryName(code: string): string {
  regions ??= new Intl.DisplayNames("en", { type: "region", fallback: "code" });
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
