import { expect, type Locator, type Page } from "@playwright/test";

/** The demo accounts the seed creates. */
export const ADMIN = { email: "admin@emporium.test", password: "emporium-admin" };
export const SHOPPER = { email: "shopper@emporium.test", password: "emporium-shopper" };

/** Signs in through the /sign-in form and waits until the browser has left it for `callbackUrl`. */
export async function signIn(page: Page, account: { email: string; password: string }, callbackUrl = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname === callbackUrl.split("?")[0]);
}

/** The "N products" line under a listing's heading. */
export function resultLine(page: Page): Locator {
  return page.getByRole("main").getByRole("paragraph").filter({ hasText: /^\d+ products?$/ });
}

export async function countIn(line: Locator): Promise<number> {
  const count = Number((await line.textContent())?.match(/\d+/)?.[0]);
  expect(count, "a product count").toBeGreaterThanOrEqual(0);
  return count;
}
