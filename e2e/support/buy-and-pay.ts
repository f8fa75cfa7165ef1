import { expect, type Page } from "@playwright/test";
import { SHOPPER, signIn } from "../fixtures";

// Payment runs in the server's in-process runner: give it time on a slow machine.
export const JOBS_TIMEOUT = 60_000;

/** The demo shopper buys one unit of the product to a US address by Ground and pays with the simulator's 4242 card. */
export async function buyAndPay(page: Page, slug: string): Promise<{ number: number; orderUrl: string }> {
  await signIn(page, SHOPPER, "/");
  await page.goto(`/p/${slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
  await page.goto("/cart");
  await page.getByRole("main").getByRole("link", { name: "Checkout" }).click();
  await page.getByLabel("Full name").fill("Robin Tester");
  await page.getByLabel("Address line 1").fill("12 Harbour Street");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State, province or region").fill("ME");
  await page.getByLabel("Postal code").fill("04101");
  await page.getByLabel("Country").selectOption({ label: "United States" });
  await page.getByRole("radio", { name: /^Ground/ }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Pay for order #\d+$/ });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  const number = Number((await heading.textContent())?.match(/#(\d+)/)?.[1]);
  await page.getByRole("button", { name: /4242 4242 4242 4242/ }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`order #${number} is paid`, { timeout: JOBS_TIMEOUT });
  return { number, orderUrl: page.url() };
}
