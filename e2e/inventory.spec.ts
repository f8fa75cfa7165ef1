import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

const EAST = "East Coast Fulfilment (Newark, NJ)";

/** Creates an active product in admin with `units` counted into the East warehouse; returns its title, slug and SKU. */
async function createStockedProduct(page: Page, units: number) {
  const token = `inv${Date.now().toString(36)}`;
  const product = { title: `Stoneware Jug ${token}`, slug: `stoneware-jug-${token}`, sku: `JUG-${token.toUpperCase()}` };
  await signIn(page, ADMIN, "/admin/products/new");
  await page.getByLabel("Title", { exact: true }).fill(product.title);
  await page.getByLabel("Slug", { exact: true }).fill(product.slug);
  await page.getByLabel("Brand", { exact: true }).fill("Kiln & Co");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Home & Kitchen" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Active" });
  await page.getByLabel("Description", { exact: true }).fill("A one-litre jug, hand thrown.");
  await page.getByLabel("Variant 1 SKU").fill(product.sku);
  await page.getByLabel("Variant 1 Title").fill("Standard");
  await page.getByLabel("Variant 1 Price").fill("28.00");
  await page.getByLabel(`Variant 1 initial stock in ${EAST}`).fill(String(units));
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit product" })).toBeVisible();
  return product;
}

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
