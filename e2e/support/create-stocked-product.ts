import { expect, type Page } from "@playwright/test";
import { ADMIN, signIn } from "../fixtures";

export const EAST = "East Coast Fulfilment (Newark, NJ)";

/** Signs in as the admin and creates an active product with `units` counted into the East warehouse; returns its title, slug and SKU. */
export async function createStockedProduct(page: Page, units: number) {
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
