import type { CSSProperties } from "react";

// Inline styles, defined once: mail clients ignore most stylesheets, and compiling Tailwind per message is too slow.

export const colors = { ink: "#1c1917", muted: "#57534e", line: "#e7e5e4", accent: "#1c1917", warn: "#b45309" } as const;

export const heading: CSSProperties = { fontSize: "22px", lineHeight: "28px", fontWeight: 600, color: colors.ink, margin: "0 0 16px" };
export const paragraph: CSSProperties = { fontSize: "15px", lineHeight: "22px", color: colors.ink, margin: "0 0 14px" };
export const small: CSSProperties = { fontSize: "13px", lineHeight: "19px", color: colors.muted, margin: "0 0 8px" };
export const label: CSSProperties = { ...small, fontWeight: 600, textTransform: "uppercase", letterSpacing: "0.04em", margin: "20px 0 6px" };
export const cell: CSSProperties = { fontSize: "14px", lineHeight: "20px", color: colors.ink, padding: "6px 0", verticalAlign: "top" };
export const cellEnd: CSSProperties = { ...cell, textAlign: "right", whiteSpace: "nowrap", paddingLeft: "12px" };
export const link: CSSProperties = { color: colors.accent, textDecoration: "underline" };
