import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
test.describe.configure({ timeout: 180_000 });

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

/** The admin menu's links, read from the menu itself, so a page added to it is checked too. */
async function menuLinks(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: "Menu" }).click();
  const nav = page.getByRole("navigation", { name: "Admin" });
  await expect(nav).toBeVisible();
  const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav).toBeHidden();
  return hrefs;
}

test("on a 390 px phone the admin menu folds away and no admin page is wider than the screen", async ({ page }) => {
  await signIn(page, ADMIN, "/admin");
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeHidden();
  const lists = await menuLinks(page);
  expect(lists.length).toBeGreaterThan(2);

  // Every page in the menu, and the first item each list links to (a product, an order, a message…).
  const pages = new Set(lists);
  for (const href of lists) {
    await page.goto(href);
    const detail = await page
      .getByRole("main")
      .getByRole("link")
      .evaluateAll((links, base) => links.map((a) => a.getAttribute("href") ?? "").find((h) => h.startsWith(`${base}/`) && !h.endsWith("/new")), href);
    if (detail && href !== "/admin") pages.add(detail);
  }

  for (const href of pages) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    expect(await pageWidth(page), `${href} at 390 px`).toBeLessThanOrEqual(390);
  }

  // Following a link from the open menu closes it.
  await page.goto("/admin");
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeHidden();
});
