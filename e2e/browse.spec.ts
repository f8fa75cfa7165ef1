import { expect, test, type Locator, type Page } from "@playwright/test";
import { countIn, resultLine } from "./fixtures";

/** Checks the first enabled, unchecked choice of a filter group and returns its label and the count shown beside it. */
async function pickFilter(page: Page, group: string): Promise<{ value: string; count: number }> {
  const choices = page.getByRole("complementary", { name: "Filters" }).getByRole("group", { name: group }).getByRole("listitem");
  const first = choices.filter({ has: page.getByRole("checkbox", { checked: false, disabled: false }) }).first();
  const value = (await first.getByRole("checkbox").getAttribute("value")) ?? "";
  // From here on by name: "the first unchecked one" is another box once this one is ticked.
  const choice = choices.filter({ has: page.getByRole("checkbox", { name: value, exact: true }) });
  const count = await countIn(choice.getByText(/^\d+ products$/));
  await choice.getByRole("checkbox").check();
  return { value, count };
}

function cards(page: Page, listing: string): Locator {
  return page.getByRole("list", { name: listing }).getByRole("listitem");
}

test("a shopper narrows a category by brand and size", async ({ page }) => {
  const home = await page.goto("/");
  // proxy.ts gives each page request an id for its log lines, and echoes it.
  expect(home?.headers()["x-request-id"]).toMatch(/^[\w.:@-]{1,128}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Clothing" }).click();
  await expect(page).toHaveURL(/\/c\/clothing$/);
  await expect(page.getByRole("heading", { level: 1, name: "Clothing" })).toBeVisible();
  const total = await countIn(resultLine(page));
  expect(total).toBeGreaterThan(0);

  const brand = await pickFilter(page, "Brand");
  await expect(page).toHaveURL((url) => url.searchParams.getAll("brand").includes(brand.value));
  await expect(resultLine(page)).toHaveText(`${brand.count} ${brand.count === 1 ? "product" : "products"}`);
  expect(brand.count).toBeLessThan(total);
  const shown = cards(page, "Clothing");
  await expect(shown).toHaveCount(Math.min(brand.count, 24));
  for (const card of await shown.all()) await expect(card.getByText(brand.value, { exact: true })).toBeVisible();

  const size = await pickFilter(page, "Size");
  await expect(page).toHaveURL((url) => url.searchParams.getAll("size").includes(size.value));
  await expect(page).toHaveURL((url) => url.searchParams.getAll("brand").includes(brand.value));
  await expect(resultLine(page)).toHaveText(`${size.count} ${size.count === 1 ? "product" : "products"}`);
  expect(size.count).toBeLessThanOrEqual(brand.count);
  for (const card of await cards(page, "Clothing").all()) await expect(card.getByText(brand.value, { exact: true })).toBeVisible();
});

test("picking a variant changes the price and the address", async ({ page }) => {
  await page.goto("/c/books");
  // "From $x" marks a product whose variants are priced differently.
  const card = cards(page, "Books").filter({ hasText: /From \$/ }).first();
  const link = card.getByRole("link");
  const title = (await link.textContent()) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("variant")).toBeNull();

  const main = page.getByRole("main");
  const price = main.getByText(/^\$\d[\d,]*\.\d\d$/).first();
  // The picker's live line: availability and the variant's SKU.
  const status = main.getByRole("status").filter({ hasText: /SKU/ });
  const before = { price: await price.textContent(), status: await status.textContent() };

  const formats = main.getByRole("group", { name: "Format" }).getByRole("radio");
  const others = [];
  for (const radio of await formats.all()) if (!(await radio.isChecked())) others.push(radio);
  let changedTo: string | null = null;
  for (const radio of others) {
    await radio.check();
    await expect(status).not.toHaveText(before.status ?? "");
    if ((await price.textContent()) !== before.price) {
      changedTo = await price.textContent();
      break;
    }
  }
  expect(changedTo, "some format sells at another price").not.toBeNull();
  await expect(page).toHaveURL((url) => /^\d+$/.test(url.searchParams.get("variant") ?? ""));

  // The address alone brings the same variant back.
  await page.reload();
  await expect(price).toHaveText(changedTo!);
});
