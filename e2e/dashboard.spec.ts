import { expect, test, type Locator, type Page } from "@playwright/test";
import { planProducts } from "../db/seed-generate";
import { ADMIN, signIn } from "./fixtures";

// A seeded single-variant product with plenty of stock, late in the plan so the checkout spec's products are left alone.
const product = planProducts(200)
  .filter((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)
  .at(-1)!;
// The feed pushes within a second or two; the margin is for a loaded test machine.
const LIVE = { timeout: 4_000 };

async function figure(tile: Locator): Promise<number> {
  return Number((await tile.locator("[data-figure]").first().textContent())?.replace(/[^\d]/g, ""));
}

/** A guest buys the product and gets as far as the pay page; returns the order number. */
async function placeGuestOrder(page: Page): Promise<number> {
  await page.goto(`/p/${product.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
  await page.goto("/checkout");
  await page.getByLabel("Email").fill(`dashboard-${Date.now()}@example.test`);
  for (const [label, value] of [
    ["Full name", "Dana Board"],
    ["Address line 1", "5 Ledger Lane"],
    ["City", "Portland"],
    ["State, province or region", "ME"],
    ["Postal code", "04101"],
  ]) {
    await page.getByLabel(label!).fill(value!);
  }
  await page.getByLabel("Country").selectOption({ label: "United States" });
  await page.getByRole("radio", { name: /^Ground/ }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Pay for order #\d+$/ });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  return Number((await heading.textContent())!.match(/#(\d+)/)![1]);
}

test.describe.configure({ timeout: 180_000 });

test("the open dashboard shows a new order and its payment without a reload", async ({ page, browser }) => {
  await signIn(page, ADMIN, "/admin");
  await expect(page.getByRole("status").filter({ hasText: "● Live" })).toBeVisible();
  // Set on this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  const awaiting = page.getByRole("group", { name: "Awaiting payment" });
  const orders = page.getByRole("group", { name: "Orders", exact: true });
  const [awaitingBefore, ordersBefore] = [await figure(awaiting), await figure(orders)];

  const shopper = await browser.newContext();
  const buyer = await shopper.newPage();
  const number = await placeGuestOrder(buyer);

  await expect(page.getByRole("region", { name: "Recent orders" }).getByRole("link", { name: `Order #${number}` })).toBeVisible(LIVE);
  await expect.poll(() => figure(awaiting), LIVE).toBe(awaitingBefore + 1);

  await buyer.getByRole("button", { name: /4242 4242 4242 4242/ }).click();
  await expect(buyer.getByRole("main").getByRole("status")).toContainText(`order #${number} is paid`, { timeout: 60_000 });
  await expect.poll(() => figure(orders), LIVE).toBe(ordersBefore + 1);
  await expect.poll(() => figure(awaiting), LIVE).toBe(awaitingBefore);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await shopper.close();
});

test("the orders list shows a new order without a reload", async ({ page, browser }) => {
  await signIn(page, ADMIN, "/admin/orders");
  await expect(page.getByRole("status").filter({ hasText: "● Live" })).toBeVisible();
  const shopper = await browser.newContext();
  const number = await placeGuestOrder(await shopper.newPage());
  await expect(page.getByRole("link", { name: `Order #${number}`, exact: true })).toBeVisible(LIVE);
  await shopper.close();
});
