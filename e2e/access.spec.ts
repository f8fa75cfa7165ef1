import { expect, test } from "@playwright/test";
import { SHOPPER, signIn } from "./fixtures";

const adminListUrl = `/api/trpc/adminProducts.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;

test("an anonymous visitor to /admin is sent to sign in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("callbackUrl") === "/admin");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
});

test("a signed-in shopper is kept out of the admin", async ({ page }) => {
  await signIn(page, SHOPPER);
  await page.goto("/admin/products");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await expect(page.getByRole("alert").filter({ hasText: /administrator|admins only/i })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);

  // The API refuses too, whatever the pages do.
  const response = await page.request.get(adminListUrl);
  expect(response.status()).toBe(403);
});
