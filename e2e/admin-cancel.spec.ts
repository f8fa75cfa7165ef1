import { expect, test, type Page } from "@playwright/test";
import { setAutoBuy } from "./support/auto-buy";
import { buyAndPay } from "./support/buy-and-pay";
import { createStockedProduct } from "./support/create-stocked-product";

test.describe.configure({ timeout: 180_000 });

test("an admin cancels a paid order from its page: it shows cancelled and refunded, and the store has the stock back", async ({ browser }) => {
  const admin = await browser.newPage();
  const product = await createStockedProduct(admin, 4);
  // With labels bought at once, the carrier simulator's tracking has the parcel in transit within seconds: too late to cancel.
  await setAutoBuy(admin, false);
  try {
    await cancelBeforeShipping(admin, await browser.newPage(), product);
  } finally {
    await setAutoBuy(admin, true);
  }
});

async function cancelBeforeShipping(admin: Page, shopper: Page, product: { slug: string }) {
  const { number } = await buyAndPay(shopper, product.slug);

  const availability = shopper.getByRole("main").getByRole("status").filter({ hasText: /In stock|Only \d+ left|Out of stock/ });
  const storefrontStock = async () => {
    await shopper.goto(`/p/${product.slug}`);
    return availability.textContent();
  };
  await expect.poll(storefrontStock, { timeout: 30_000 }).toBe("Only 3 left");

  await admin.goto(`/admin/orders?q=${number}`);
  await admin.getByRole("link", { name: `Order #${number}`, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
  const cancelPanel = admin.getByRole("region", { name: "Cancel" });
  await cancelPanel.getByRole("button", { name: "Cancel and refund" }).click();
  const dialog = admin.getByRole("dialog", { name: `Cancel order #${number}?` });
  // The jug's 28.00 and the postage: everything the customer paid.
  await expect(dialog).toContainText(/\$\d+\.\d\d is refunded/);
  await expect(dialog).toContainText("1 unit goes back on sale");
  await dialog.getByLabel(/^Reason/).fill("Sold out at the kiln");
  await expect(dialog.getByRole("checkbox", { name: /Email the customer/ })).toBeChecked();
  await dialog.getByRole("button", { name: "Yes, cancel and refund" }).click();

  const header = admin.getByRole("heading", { level: 1, name: `Order #${number}` }).locator("..");
  await expect(header).toContainText("Cancelled");
  await expect(header).toContainText("Payment Refunded");
  const history = admin.getByRole("region", { name: "What happened" }).getByRole("listitem");
  const cancelled = history.filter({ hasText: "Cancelled" });
  await expect(cancelled).toContainText("Ada Admin");
  await expect(cancelled).toContainText("Sold out at the kiln");
  await expect(history.filter({ hasText: /^Refunded \$\d+\.\d\d/ })).toHaveCount(1);
  await expect(cancelPanel).toHaveCount(0);

  await expect.poll(storefrontStock, { timeout: 30_000 }).toBe("Only 4 left");
}
