import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

test("an admin creates a product and shoppers find it in the store", async ({ page }) => {
  const token = `e2e${Date.now().toString(36)}`;
  const title = `Brass Lantern ${token}`;
  const slug = `brass-lantern-${token}`;

  await signIn(page, ADMIN, "/admin/products/new");
  await expect(page.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await page.getByLabel("Brand", { exact: true }).fill("Lamplight Co");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Home & Kitchen" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Active" });
  await page.getByLabel("Description", { exact: true }).fill("A solid brass storm lantern with a glass chimney.");
  await page.getByLabel("Variant 1 SKU").fill(`LANTERN-${token.toUpperCase()}`);
  await page.getByLabel("Variant 1 Title").fill("Standard");
  await page.getByLabel("Variant 1 Price").fill("42.50");
  await page.getByRole("button", { name: "Create product" }).click();

  await expect(page).toHaveURL(/\/admin\/products\/\d+(\?saved=1)?$/);
  await expect(page.getByRole("heading", { level: 1, name: "Edit product" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // The storefront search finds it, and its page shows the title and the price.
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search products" }).fill(token);
  await page.getByRole("combobox", { name: "Search products" }).press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === token);
  const result = page.getByRole("main").getByRole("listitem").filter({ hasText: title });
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("$42.50");
  await result.getByRole("link", { name: title }).click();

  await expect(page).toHaveURL(new RegExp(`/p/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main").getByText("$42.50", { exact: true }).first()).toBeVisible();
});
