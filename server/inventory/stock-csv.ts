/** The columns of a stock CSV, in order: one row per variant and warehouse. */
export const STOCK_CSV_HEADER = ["sku", "warehouse", "on_hand"] as const;

const quote = (value: string) => (/[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 text; a cell a spreadsheet would run as a formula is quoted. */
export function toCsv(rows: (string | number)[][]): string {
  return rows.map((row) => row.map((cell) => quote(String(cell))).join(",")).join("\r\n") + "\r\n";
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, the byte-order mark spreadsheets write); blank lines
 * are skipped. Each row keeps its line number.
 */
export function parseCsv(csv: string): { line: number; cells: string[] }[] {
  const text = csv.replace(/^\uFEFF/, "");
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== "") rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      rowLine = ++line;
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}
