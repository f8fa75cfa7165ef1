import { Section } from "@react-email/components";
import { formatMoney } from "../_lib/format";
import type { OrderLine, OrderTotals } from "../_lib/types";
import { cell, cellEnd, colors } from "./styles";

const table = { width: "100%", borderCollapse: "collapse" as const };
const totalRow = { ...cellEnd, fontWeight: 700, borderTop: `1px solid ${colors.line}`, paddingTop: "10px" };

/** The order's lines and what they add up to. */
export function OrderSummary({ lines, totals }: { lines: OrderLine[]; totals: OrderTotals }) {
  const money = (amount: number) => formatMoney(amount, totals.currency);
  return (
    <Section>
      <table style={table} role="presentation" data-text-format="dataTable">
        <tbody>
          {lines.map((line) => (
            <tr key={line.sku}>
              <td style={cell}>
                {line.quantity} × {line.productTitle}
                {line.variantTitle ? ` (${line.variantTitle})` : ""}
              </td>
              <td style={cellEnd}>{money(line.lineAmount)}</td>
            </tr>
          ))}
          <tr>
            <td style={{ ...cell, borderTop: `1px solid ${colors.line}`, paddingTop: "10px" }}>Subtotal</td>
            <td style={{ ...cellEnd, borderTop: `1px solid ${colors.line}`, paddingTop: "10px" }}>{money(totals.subtotalAmount)}</td>
          </tr>
          <tr>
            <td style={cell}>Shipping</td>
            <td style={cellEnd}>{totals.shippingAmount === 0 ? "Free" : money(totals.shippingAmount)}</td>
          </tr>
          <tr>
            <td style={{ ...cell, fontWeight: 700, borderTop: `1px solid ${colors.line}`, paddingTop: "10px" }}>Total</td>
            <td style={totalRow}>{money(totals.totalAmount)}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}
