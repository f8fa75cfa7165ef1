import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { planProducts } from "../db/seed-generate";
import { ADMIN, signIn } from "./fixtures";

const product = planProducts(200).find((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)!;
// The email is queued and sent by the server's in-process runner: give it time on a slow machine.
const JOBS_TIMEOUT = 60_000;

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** A new shopper, signed up through /sign-up (which signs them in) in a browser of their own. */
async function newShopper(browser: Browser, password: string): Promise<{ page: Page; email: string }> {
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@shop.test`;
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Morgan Account");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("banner").getByText("Morgan Account")).toBeVisible();
  return { page, email };
}

test("forgot password: the link from the mailbox sets a new password and signs in", async ({ browser }) => {
  const { email } = await newShopper(browser, "the password I forgot");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Email me a link" }).click();
  await expect(visitor.getByRole("status")).toContainText(`If an account uses ${email}`);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN, "/admin/mailbox");
  const message = admin.getByRole("row").filter({ hasText: "password-reset" }).filter({ hasText: email });
  await expect(async () => {
    await admin.reload();
    await expect(message).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: JOBS_TIMEOUT });
  await message.getByRole("link").click();
  const text = await admin.locator("pre").first().textContent();
  const link = new URL(/https?:\/\/\S*\/reset-password\?token=\S+/.exec(text ?? "")![0]);

  await visitor.goto(`${link.pathname}${link.search}`);
  await expect(visitor.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await visitor.getByLabel("New password").fill("a new password to remember");
  await visitor.getByRole("button", { name: "Save and sign in" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(visitor.getByText(`Signed in as ${email}`)).toBeVisible();

  // The link worked once.
  await visitor.goto(`${link.pathname}${link.search}`);
  await visitor.getByLabel("New password").fill("yet another new password");
  await visitor.getByRole("button", { name: "Save and sign in" }).click();
  await expect(visitor.getByText("This link has expired or was already used. Ask for a new one.")).toBeVisible();
});

test("a saved address is preselected at checkout; my data downloads as JSON", async ({ browser }) => {
  const { page, email } = await newShopper(browser, "a password for shopping");
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const form = page.getByRole("form", { name: "Address" });
  // The button works once the page has hydrated.
  await expect(async () => {
    await page.getByRole("button", { name: "Add an address" }).click();
    await expect(form).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await form.getByLabel("Full name").fill("Morgan Account");
  await form.getByLabel("Address line 1").fill("31 Lantern Quay");
  await form.getByLabel("City").fill("Portland");
  await form.getByLabel("State, province or region").fill("ME");
  await form.getByLabel("Postal code").fill("04101");
  await form.getByLabel("Country").selectOption({ label: "United States" });
  await form.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "31 Lantern Quay" })).toContainText("Default shipping");

  await page.goto(`/p/${product.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
  await page.goto("/checkout");
  await expect(page.getByRole("radio", { name: /31 Lantern Quay/ })).toBeChecked();
  await expect(page.getByLabel("Address line 1")).toHaveValue("31 Lantern Quay");
  await expect(page.getByLabel("Postal code")).toHaveValue("04101");
  await page.getByRole("radio", { name: /^Ground/ }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review your order" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("31 Lantern Quay");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/pay\/[0-9a-f-]{36}/, { timeout: 30_000 });

  await page.goto("/account");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download my data" }).click()]);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.profile.email).toBe(email);
  expect(data.addresses[0].address.line1).toBe("31 Lantern Quay");
  expect(data.orders).toHaveLength(1);
});

test("a guest at checkout is offered to sign in for faster checkout", async ({ browser }) => {
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/p/${product.slug}`);
  await guest.getByRole("button", { name: "Add to cart" }).click();
  await expect(guest.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
  await guest.goto("/checkout");
  await expect(guest.getByRole("link", { name: "Sign in for faster checkout" })).toHaveAttribute("href", "/sign-in?callbackUrl=%2Fcheckout");
});
