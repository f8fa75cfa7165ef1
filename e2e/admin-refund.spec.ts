import { expect, test } from "@playwright/test";
import { formatMoney } from "@/app/_components/format-money";
import { planProducts } from "../db/seed-generate";
import { ADMIN, signIn } from "./fixtures";
import { buyAndPay } from "./support/buy-and-pay";

// A plentiful single-variant product no other spec buys (checkout takes the first ones, fulfilment the 7th of these).
const product = planProducts(200).filter((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)[9]!;
const variant = product.variants[0]!;

test.describe.configure({ timeout: 180_000 });

test("an admin refunds one line with restock: the page tells it and the stock is back", async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, ADMIN, `/admin/inventory`);
  await admin.goto(`/admin/inventory?q=${variant.sku}`);
  await admin.getByRole("link", { name: variant.sku }).first().click();
  const levels = admin.getByRole("region", { name: "Stock by warehouse" });
  await expect(levels.getByRole("row")).not.toHaveCount(0);
  const inventoryUrl = admin.url();
  const stockBefore = await levels.innerText();

  const { number } = await buyAndPay(await browser.newPage(), product.slug);

  await admin.goto(`/admin/orders?q=${number}`);
  await admin.getByRole("link", { name: `Order #${number}`, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
  // The saga's details are there but folded away.
  await expect(admin.getByText("Technical details")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Stock movements" })).toBeHidden();

  const price = formatMoney(variant.priceAmount, "USD");
  const refund = admin.getByRole("form", { name: "Refund" });
  await expect(refund.getByLabel("Or an amount (USD)")).toHaveValue("");
  await refund.getByLabel(/^Units of .+ to refund$/).fill("1");
  await expect(refund.getByRole("checkbox", { name: /^Put refunded units of .+ back in stock$/ })).toBeChecked();
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await admin.getByRole("dialog", { name: `Refund ${price}?` }).getByRole("button", { name: "Confirm refund" }).click();
  await expect(refund.getByRole("status")).toHaveText(`Refunded ${price}; 1 back in stock.`);

  const history = admin.getByRole("region", { name: "What happened" }).getByRole("listitem");
  const refunded = history.filter({ hasText: `Refunded ${price}` });
  await expect(refunded).toHaveCount(1);
  await expect(refunded).toContainText(`1 × ${product.title}`);
  await expect(refunded).toContainText("back in stock");
  await expect(history.filter({ hasText: /^Order placed/ })).toHaveCount(1);
  await expect(admin.getByRole("region", { name: "Lines" })).toContainText("1 refunded");
  await expect(refund.getByLabel(/^Units of .+ to refund$/)).toBeDisabled();

  await admin.getByText("Technical details").click();
  await expect(admin.getByRole("region", { name: "Stock movements" }).getByRole("row").filter({ hasText: "refund: restocked" })).toContainText("+1");

  await admin.goto(inventoryUrl);
  await expect.poll(() => levels.innerText()).toBe(stockBefore);
  await expect(admin.getByRole("region", { name: "History" }).getByRole("row").filter({ hasText: "refund: restocked" })).toContainText("+1");
});
