import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { fitText, safeText } from "./safe-text";

const helvetica = () => PDFDocument.create().then((doc) => doc.embedFont(StandardFonts.Helvetica));

describe("safeText", () => {
  it("keeps what WinAnsi has, drops accents it lacks, and draws other scripts as '?'", async () => {
    const font = await helvetica();
    expect(safeText(font, "Zoë Ångström")).toBe("Zoë Ångström");
    expect(safeText(font, "Łukasz Wałęsa, Győr")).toBe("Lukasz Walesa, Gyor");
    expect(safeText(font, "山田 太郎")).toBe("?? ??");
    expect(safeText(font, "Иван 🚚")).toBe("???? ?");
    expect(safeText(font, "line one\nline two\t!")).toBe("line one line two !");
    for (const text of ["Zoë Ångström", "山田 太郎", "Łukasz"]) expect(() => font.encodeText(safeText(font, text))).not.toThrow();
  });

  it("fitText cuts with an ellipsis to the width", async () => {
    const font = await helvetica();
    expect(fitText(font, "Short", 10, 200)).toBe("Short");
    const cut = fitText(font, "A very long street name that will not fit on a label", 10, 100);
    expect(cut).toMatch(/^A very long.*…$/);
    expect(font.widthOfTextAtSize(cut, 10)).toBeLessThanOrEqual(100);
  });
});
