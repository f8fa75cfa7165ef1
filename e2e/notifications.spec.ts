import { expect, test } from "@playwright/test";
import { planProducts } from "../db/seed-generate";
import { ADMIN, SHOPPER, signIn } from "./fixtures";

const product = planProducts(200).find((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)!;
// The saga and the send run in the server's in-process runner: give them time on a slow machine.
const JOBS_TIMEOUT = 60_000;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a shopper's order confirmation shows in the admin mailbox; a notification choice stays saved", async ({ browser }) => {
  const shopper = await browser.newPage();
  await signIn(shopper, SHOPPER, "/");
  await shopper.goto(`/p/${product.slug}`);
  await shopper.getByRole("button", { name: "Add to cart" }).click();
  await expect(shopper.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
  await shopper.goto("/cart");
  await shopper.getByRole("main").getByRole("link", { name: "Checkout" }).click();
  await shopper.getByLabel("Full name").fill("Robin Tester");
  await shopper.getByLabel("Address line 1").fill("12 Harbour Street");
  await shopper.getByLabel("City").fill("Portland");
  await shopper.getByLabel("State, province or region").fill("ME");
  await shopper.getByLabel("Postal code").fill("04101");
  await shopper.getByLabel("Country").selectOption({ label: "United States" });
  await shopper.getByRole("radio", { name: /^Ground/ }).check();
  await shopper.getByRole("button", { name: "Continue to review" }).click();
  await shopper.getByRole("button", { name: "Place order" }).click();
  const heading = shopper.getByRole("heading", { level: 1, name: /^Pay for order #\d+$/ });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  const number = Number((await heading.textContent())?.match(/#(\d+)/)?.[1]);
  await shopper.getByRole("button", { name: /4242 4242 4242 4242/ }).click();
  await expect(shopper.getByRole("main").getByRole("status")).toContainText(`order #${number} is paid`, { timeout: JOBS_TIMEOUT });

  const admin = await browser.newPage();
  await signIn(admin, ADMIN, "/admin/mailbox");
  const confirmation = admin.getByRole("row").filter({ hasText: "order-confirmation" }).filter({ hasText: `order #${number} is confirmed` });
  await expect(async () => {
    await admin.reload();
    await expect(confirmation).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: JOBS_TIMEOUT });
  await expect(confirmation).toContainText(SHOPPER.email);

  // The customer's page lists the order and the messages sent to them.
  await admin.goto(`/admin/customers?q=${encodeURIComponent(SHOPPER.email)}`);
  await admin.getByRole("row").filter({ hasText: SHOPPER.email }).getByRole("link").click();
  await expect(admin.getByRole("region", { name: "Orders" }).getByRole("link", { name: `#${number}` })).toBeVisible();
  await expect(admin.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: "Order confirmation" }).first()).toBeVisible();

  await shopper.getByRole("link", { name: "Account" }).click();
  await expect(shopper.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const shippingBySms = shopper.getByRole("checkbox", { name: "Shipping updates by SMS" });
  await expect(shopper.getByRole("checkbox", { name: "Order updates by Email" })).toBeDisabled();
  await expect(shippingBySms).toBeChecked();
  // Controlled by the saved choice: the box changes once the server has stored it, not on the click itself.
  await shippingBySms.click();
  await expect(shippingBySms).not.toBeChecked();
  await expect(shippingBySms).toBeEnabled();
  await shopper.reload();
  await expect(shopper.getByRole("checkbox", { name: "Shipping updates by SMS" })).not.toBeChecked();
  await expect(shopper.getByRole("checkbox", { name: "Shipping updates by Email" })).toBeChecked();
});
