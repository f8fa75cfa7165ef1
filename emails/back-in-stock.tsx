import { Heading, Img, Text } from "@react-email/components";
import { Action } from "./_components/action";
import { Greeting } from "./_components/greeting";
import { Layout } from "./_components/layout";
import { heading, paragraph } from "./_components/styles";
import { formatMoney } from "./_lib/format";
import { sampleShop } from "./_lib/sample";
import type { EmailBase, Unsubscribable } from "./_lib/types";

export interface BackInStockProps extends EmailBase, Unsubscribable {
  customerName?: string;
  productTitle: string;
  variantTitle?: string;
  productUrl: string;
  /** Absolute. */
  imageUrl?: string;
  priceAmount: number;
  currency: string;
}

export function subject({ productTitle }: BackInStockProps): string {
  return `${productTitle} is back in stock`;
}

export default function BackInStock(props: BackInStockProps) {
  const { shop, customerName, productTitle, variantTitle, productUrl, imageUrl, priceAmount, currency, unsubscribeUrl } = props;
  const item = variantTitle ? `${productTitle} (${variantTitle})` : productTitle;
  return (
    <Layout shop={shop} preview={`${item} is available again.`} unsubscribeUrl={unsubscribeUrl}>
      <Heading style={heading}>It&apos;s back</Heading>
      <Greeting name={customerName} />
      <Text style={paragraph}>
        You asked us to tell you when {item} was available again. It is, at {formatMoney(priceAmount, currency)}, while stock
        lasts.
      </Text>
      {imageUrl ? <Img src={imageUrl} alt={item} width="240" style={{ borderRadius: "6px", margin: "0 0 16px" }} /> : null}
      <Action href={productUrl}>Shop it now</Action>
    </Layout>
  );
}

BackInStock.PreviewProps = {
  shop: sampleShop,
  customerName: "Ada",
  productTitle: "Stoneware mug",
  variantTitle: "350 ml, Moss",
  productUrl: "https://emporium.example/p/stoneware-mug",
  priceAmount: 1800,
  currency: "GBP",
  unsubscribeUrl: "https://emporium.example/account/notifications?unsubscribe=stock-alerts",
} satisfies BackInStockProps;
