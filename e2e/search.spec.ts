import { expect, test } from "@playwright/test";

test("keyboard only: type, arrow down to a suggested product, Enter opens it", async ({ page }) => {
  await page.goto("/");
  const field = page.getByRole("combobox", { name: "Search products" });
  await field.focus();
  await page.keyboard.type("overc");
  const suggestions = page.getByRole("listbox", { name: "Suggestions" });
  await expect(suggestions).toBeVisible();
  await expect(field).toHaveAttribute("aria-expanded", "true");
  const first = suggestions.getByRole("option").filter({ hasText: /Overcoat/ }).first();
  await expect(first).toBeVisible();

  // Down until the first product suggestion is the active option (categories come first).
  const options = await suggestions.getByRole("option").allTextContents();
  const target = options.findIndex((text) => /Overcoat/.test(text));
  for (let i = 0; i <= target; i++) await page.keyboard.press("ArrowDown");
  const activeId = await field.getAttribute("aria-activedescendant");
  const chosen = page.locator(`[id="${activeId}"]`);
  await expect(chosen).toHaveAttribute("aria-selected", "true");
  const title = (await chosen.locator("span").first().textContent()) ?? "";
  expect(title).toMatch(/Overcoat/);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/p\//);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a misspelt search shows the correction; a hopeless one offers categories and a way back", async ({ page }) => {
  await page.goto("/search?q=overcaot");
  await expect(page.getByRole("status").filter({ hasText: "Showing results for" })).toContainText("“overcoat”");
  await expect(page.getByRole("list", { name: /Results for/ }).getByRole("listitem").first()).toContainText(/Overcoat/);

  await page.goto("/search?q=qzxvvkqq");
  await expect(page.getByRole("heading", { name: "Nothing matches “qzxvvkqq”" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Shop by category" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});
