// Code 128 symbols 0–106 as the widths of their bar, space, bar, space, bar, space (the stop symbol adds a final bar),
// in modules, from the symbology's table (ISO/IEC 15417). Written out here, not taken from the encoder under test.
const PATTERNS = (
  "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 " +
  "123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 " +
  "232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 " +
  "313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 " +
  "111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 " +
  "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 " +
  "114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112"
).split(" ");

const START = { 103: "A", 104: "B", 105: "C" } as const;
const STOP = 106;
type CodeSet = "A" | "B" | "C";

/**
 * Reads the Code 128 symbol in one row of pixels (true: dark): run lengths, one module from the start symbol's width
 * (11 modules), each 6-run group matched to the table, the mod-103 checksum verified, and the values decoded through
 * code sets A, B and C with their switches (99 C, 100 B, 101 A) and the A/B shift (98). FNC symbols are not handled.
 */
export function readCode128(row: boolean[]): string {
  const first = row.indexOf(true);
  const last = row.lastIndexOf(true);
  if (first < 0) throw new Error("no bars in the row");
  const runs: number[] = [];
  for (let i = first; i <= last; i++) {
    if (i === first || row[i] !== row[i - 1]) runs.push(0);
    runs[runs.length - 1]! += 1;
  }
  const moduleWidth = runs.slice(0, 6).reduce((a, b) => a + b, 0) / 11;
  const widths = runs.map((run) => Math.round(run / moduleWidth));

  const values: number[] = [];
  for (let i = 0; i < widths.length; ) {
    const isStop = widths.length - i === 7;
    const pattern = widths.slice(i, i + (isStop ? 7 : 6)).join("");
    const value = PATTERNS.indexOf(pattern);
    if (value < 0) throw new Error(`no Code 128 symbol has the widths ${pattern} (at run ${i})`);
    values.push(value);
    i += isStop ? 7 : 6;
  }
  const [start, ...rest] = values;
  if (!(start! in START) || rest.pop() !== STOP) throw new Error("not framed by a start and a stop symbol");
  const checksum = rest.pop()!;
  const expected = rest.reduce((sum, value, i) => sum + value * (i + 1), start!) % 103;
  if (checksum !== expected) throw new Error(`checksum ${checksum}, expected ${expected}`);

  let set: CodeSet = START[start as keyof typeof START];
  let shifted = false;
  let text = "";
  for (const value of rest) {
    const current: CodeSet = shifted ? (set === "A" ? "B" : "A") : set;
    shifted = false;
    if (current === "C" && value < 100) text += String(value).padStart(2, "0");
    else if (current !== "C" && value < 64) text += String.fromCharCode(value + 32);
    else if (current === "B" && value < 96) text += String.fromCharCode(value + 32);
    else if (current === "A" && value < 96) text += String.fromCharCode(value - 64);
    else if (value === 98 && current !== "C") shifted = true;
    else if (value === 99) set = "C";
    else if (value === 100 && current !== "B") set = "B";
    else if (value === 101 && current !== "A") set = "A";
    else throw new Error(`symbol ${value} (an FNC) in code set ${current} is not handled`);
  }
  return text;
}
