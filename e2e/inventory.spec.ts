import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures";
import { createStockedProduct, EAST } from "./support/create-stocked-product";

test("a product created in admin with stock 5 in one warehouse can be bought in the store", async ({ page }) => {
  const product = await createStockedProduct(page, 5);

  await page.goto(`/p/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await expect(page.getByRole("main").getByText("Out of stock")).toHaveCount(0);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByRole("main").getByText(product.title).first()).toBeVisible();
  await expect(page.getByRole("main").getByText(/Out of stock|Only \d+ available/)).toHaveCount(0);
});

test("an admin adjusts stock with a reason and sees it in the variant's history", async ({ page }) => {
  const product = await createStockedProduct(page, 5);

  await page.goto(`/admin/inventory?q=${product.sku}`);
  await page.getByRole("link", { name: product.sku }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(product.title) })).toBeVisible();

  const adjust = page.getByRole("form", { name: "Adjust by" });
  await adjust.getByLabel("Warehouse").selectOption({ label: EAST });
  await adjust.getByLabel("Change (+/−)").fill("-2");
  await adjust.getByLabel("Reason").selectOption({ label: "Damaged" });
  await adjust.getByLabel("Note").fill("dropped while unpacking");
  await adjust.getByRole("button", { name: "Adjust stock" }).click();
  await expect(adjust.getByRole("status")).toHaveText("Stock adjusted.");

  const levels = page.getByRole("region", { name: "Stock by warehouse" });
  await expect(levels.getByRole("row").filter({ hasText: EAST })).toContainText("3");
  const history = page.getByRole("region", { name: "History" }).getByRole("row");
  const adjusted = history.filter({ hasText: "dropped while unpacking" });
  await expect(adjusted).toHaveCount(1);
  await expect(adjusted).toContainText("damaged");
  await expect(adjusted).toContainText("-2");
  await expect(adjusted).toContainText(ADMIN.email);
  await expect(history.filter({ hasText: "initial stock" })).toContainText("+5");
});
