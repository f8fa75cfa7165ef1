import type { PDFFont } from "pdf-lib";

// Letters with no Unicode decomposition, mapped by hand to the letter a reader would write without the stroke.
const BY_HAND: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", ħ: "h", Ħ: "H", ı: "i", ŧ: "t", Ŧ: "T" };

/**
 * Text the font can draw. pdf-lib's standard fonts (Helvetica) only encode WinAnsi (Latin-1 and a few typographic
 * signs), and drawing anything else throws. So: what WinAnsi has stays (Zoë Ångström is drawn as written); other Latin
 * letters lose their accents (ő → o, ł → l); every other character (Chinese, Japanese, Cyrillic, emoji…) becomes '?',
 * one per character. A label is read by a carrier's scanner and sorter mostly through the barcode and postal code, and
 * the customer's full name stays in the order; printing names in every script needs an embedded Unicode font.
 * Line breaks and other control characters become spaces: every call draws one line.
 */
export function safeText(font: PDFFont, text: string): string {
  const drawable = new Set(font.getCharacterSet());
  const has = (char: string) => drawable.has(char.codePointAt(0)!);
  let out = "";
  for (const char of text) {
    if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(char)) out += " ";
    else if (has(char)) out += char;
    else {
      const plain = BY_HAND[char] ?? char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += plain !== "" && [...plain].every(has) ? plain : "?";
    }
  }
  return out;
}

/** safeText, cut with an ellipsis to fit `maxWidth` points at `size`. */
export function fitText(font: PDFFont, text: string, size: number, maxWidth: number): string {
  const safe = safeText(font, text);
  if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe;
  const chars = [...safe];
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join("")}…`, size) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}
