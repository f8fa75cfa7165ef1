import { Heading, Section, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Layout } from "./_components/layout";
import { cell, cellEnd, colors, heading, paragraph } from "./_components/styles";
import { sampleShop } from "./_lib/sample";
import type { EmailBase, Unsubscribable } from "./_lib/types";

export interface LowStockItem {
  sku: string;
  productTitle: string;
  variantTitle: string;
  warehouse: string;
  /** On hand less reserved. */
  available: number;
  /** The level at or below which we warn. */
  threshold: number;
}

export interface AdminLowStockProps extends EmailBase, Unsubscribable {
  items: LowStockItem[];
  inventoryUrl: string;
}

export function subject({ items }: AdminLowStockProps): string {
  return items.length === 1 ? `Low stock: ${items[0]?.sku}` : `Low stock: ${items.length} items`;
}

const headCell = { ...cell, fontWeight: 600, borderBottom: `1px solid ${colors.line}` };

export default function AdminLowStock({ shop, items, inventoryUrl, unsubscribeUrl }: AdminLowStockProps) {
  return (
    <Layout shop={shop} preview={`${items.length} item(s) at or below their stock threshold.`} unsubscribeUrl={unsubscribeUrl}>
      <Heading style={heading}>Running low</Heading>
      <Text style={paragraph}>These items are at or below their threshold and may sell out soon.</Text>
      <Section>
        <table style={{ width: "100%", borderCollapse: "collapse" }} role="presentation" data-text-format="dataTable">
          <thead>
            <tr>
              <th style={{ ...headCell, textAlign: "left" }}>Item</th>
              <th style={{ ...headCell, textAlign: "left" }}>Warehouse</th>
              <th style={{ ...headCell, textAlign: "right" }}>Available</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.sku}|${item.warehouse}`}>
                <td style={cell}>
                  {item.productTitle} ({item.variantTitle}), {item.sku}
                </td>
                <td style={cell}>{item.warehouse}</td>
                <td style={cellEnd}>
                  {item.available} (warn at {item.threshold})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Action href={inventoryUrl}>Open inventory</Action>
    </Layout>
  );
}

AdminLowStock.PreviewProps = {
  shop: sampleShop,
  items: [
    { sku: "LIN-SHIRT-M-OAT", productTitle: "Linen shirt", variantTitle: "M / Oat", warehouse: "Bristol", available: 3, threshold: 5 },
    { sku: "MUG-STONE-350", productTitle: "Stoneware mug", variantTitle: "350 ml", warehouse: "Leeds", available: 0, threshold: 10 },
  ],
  inventoryUrl: "https://emporium.example/admin/inventory",
  unsubscribeUrl: "https://emporium.example/admin/settings/notifications?unsubscribe=low-stock",
} satisfies AdminLowStockProps;
