import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "@/app/_components/format-money";
import { SHOP_ORIGIN } from "@/server/shipping/ship-from";
import { simulatedRates } from "@/server/shipping/carrier-simulator";
import { planProducts, type ProductPlan } from "../db/seed-generate";
import { ADMIN, SHOPPER, signIn } from "./fixtures";

// The seed is deterministic and a bigger seed starts with the products of a smaller one, so the first 200 planned
// products are in the e2e database whatever SEED_PRODUCTS says. Single-variant products: the page selects that one.
const seeded = planProducts(200).filter((p) => p.status === "active" && p.variants.length === 1);
const stockOf = (p: ProductPlan) => p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1];
const priceOf = (p: ProductPlan) => p.variants[0]!.priceAmount;

const plentiful = seeded.filter((p) => stockOf(p) >= 20);
const [first, second] = plentiful;
// "Only N left" shows the exact count, so a unit that never came back would show.
const scarce = seeded.find((p) => stockOf(p) >= 2 && stockOf(p) <= 5);

const PORTLAND = { name: "Robin Tester", line1: "12 Harbour Street", city: "Portland", region: "ME", postalCode: "04101", country: "US" };
/** Express for these products from the shop to Portland, Maine, as the carrier simulator (the e2e server's carrier) prices it. */
function expressFor(products: ProductPlan[]) {
  const weightGrams = products.reduce((sum, p) => sum + p.variants[0]!.weightGrams, 0);
  const rates = simulatedRates({ carrierShipmentId: "e2e", from: SHOP_ORIGIN, to: PORTLAND, parcel: { weightGrams: Math.max(1, weightGrams) }, currency: "USD" });
  return rates.find((r) => r.service === "Express")!.amount;
}
const SUCCESS_CARD = /4242 4242 4242 4242/;
const DECLINE_CARD = /4000 0000 0000 0002/;
// The saga runs in the server's in-process runner and the order page polls every 2 s: give it time on a slow machine.
const SAGA_TIMEOUT = 60_000;

const usd = (amount: number) => formatMoney(amount, "USD");

function availability(page: Page) {
  return page.getByRole("main").getByRole("status").filter({ hasText: /In stock|Only \d+ left|Out of stock/ });
}

async function addToCart(page: Page, product: ProductPlan) {
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: product.title })).toBeVisible();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();
}

/** Fills the checkout form from the cart page, continues to review and places the order; returns on the pay page. */
async function checkOut(page: Page, details: { email?: string; shipping: "Ground" | "Express" }) {
  await page.getByRole("main").getByRole("link", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  if (details.email) await page.getByLabel("Email").fill(details.email);
  await page.getByLabel("Full name").fill("Robin Tester");
  await page.getByLabel("Address line 1").fill("12 Harbour Street");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State, province or region").fill("ME");
  await page.getByLabel("Postal code").fill("04101");
  await page.getByLabel("Country").selectOption({ label: "United States" });
  await page.getByRole("radio", { name: new RegExp(`^${details.shipping}`) }).check();
  await page.getByRole("button", { name: "Continue to review" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Review your order" })).toBeVisible();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/pay\/[0-9a-f-]{36}/, { timeout: 30_000 });
  const heading = page.getByRole("heading", { level: 1, name: /^Pay for order #\d+$/ });
  await expect(heading).toBeVisible();
  const number = Number((await heading.textContent())?.match(/#(\d+)/)?.[1]);
  expect(number, "the order number").toBeGreaterThan(0);
  return number;
}

test.describe.configure({ timeout: 180_000 });

test.describe("a paid order", () => {
  test.describe.configure({ mode: "serial" });
  let paid: { number: number; total: number } | undefined;

  test("a shopper buys two products and sees the order paid", async ({ page }) => {
    expect(first && second, "two plentifully stocked seeded products").toBeTruthy();
    const products = [first!, second!];
    const subtotal = priceOf(first!) + priceOf(second!);
    const total = subtotal + expressFor(products);

    await signIn(page, SHOPPER, "/");
    for (const product of products) {
      await addToCart(page, product);
      await expect(availability(page)).toHaveText("In stock");
    }
    await expect(page.getByRole("button", { name: "Cart, 2 items" })).toBeVisible();

    await page.goto("/cart");
    const lines = page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem");
    await expect(lines).toHaveCount(2);
    for (const product of products) {
      const line = lines.filter({ has: page.getByRole("heading", { name: product.title }) });
      await expect(line).toContainText(`${usd(priceOf(product))} each`);
      await expect(line.getByRole("spinbutton", { name: /^Quantity of / })).toHaveValue("1");
    }
    const summary = page.getByRole("complementary", { name: "Summary" });
    await expect(summary.getByRole("definition").last()).toHaveText(usd(subtotal));

    const number = await checkOut(page, { shipping: "Express" });
    await expect(page.getByText(usd(total), { exact: true })).toBeVisible();
    await page.getByRole("button", { name: SUCCESS_CARD }).click();

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`Thank you, order #${number} is paid`, { timeout: SAGA_TIMEOUT });
    const items = page.getByRole("region", { name: "Items", exact: true });
    for (const product of products) await expect(items).toContainText(product.title);
    await expect(page.getByRole("region", { name: "Status", exact: true })).toContainText("Paid");

    await page.getByRole("link", { name: "← Your orders" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
    const listed = page.getByRole("link", { name: new RegExp(`^Order #${number}\\b`) });
    await expect(listed).toContainText("Paid");
    await expect(listed).toContainText(usd(total));
    paid = { number, total };
  });

  test("an admin finds that order and refunds it", async ({ page }) => {
    expect(paid, "the order paid in the previous test").toBeDefined();
    const { number, total } = paid!;

    await signIn(page, ADMIN, "/admin/orders");
    await page.getByRole("searchbox", { name: "Search" }).fill(String(number));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === String(number));
    const link = page.getByRole("link", { name: `Order #${number}`, exact: true });
    await expect(link).toHaveCount(1);
    await expect(page.getByRole("row").filter({ has: link })).toContainText("Paid");
    // Opened the way a keyboard user would.
    await link.press("Enter");

    const heading = page.getByRole("heading", { level: 1, name: `Order #${number}` });
    await expect(heading).toBeVisible();
    const refund = page.getByRole("region", { name: "Refund", exact: true });
    await expect(refund).toContainText(`${usd(total)} of ${usd(total)} can still be refunded.`);
    // Nothing is pre-filled: the admin types the whole total as an amount.
    await expect(refund.getByLabel("Or an amount (USD)")).toHaveValue("");
    await refund.getByLabel("Or an amount (USD)").fill((total / 100).toFixed(2));
    await refund.getByRole("button", { name: "Refund", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Refund ${usd(total)}?` });
    await dialog.getByRole("button", { name: "Confirm refund" }).click();

    await expect(heading.locator("..")).toContainText("Refunded");
    await expect(refund).toHaveCount(0);
    const payment = page.getByRole("region", { name: "Payment", exact: true });
    await expect(payment).toContainText("Payment Refunded");
    await expect(payment.getByRole("listitem").filter({ hasText: `Refunded ${usd(total)}` })).toHaveCount(1);
  });
});

test.describe("paying again", () => {
  test.describe.configure({ mode: "serial" });

  test("a declined card keeps the order and its stock; another card pays the same order", async ({ page, context }) => {
    expect(scarce, "a seeded product with 2 to 5 in stock").toBeTruthy();
    const product = scarce!;
    const stock = stockOf(product);
    const held = stock - 1 === 0 ? "Out of stock" : `Only ${stock - 1} left`;

    await page.goto(`/p/${product.slug}`);
    await expect(availability(page)).toHaveText(`Only ${stock} left`);
    await addToCart(page, product);
    await page.goto("/cart");
    await expect(page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem")).toHaveCount(1);

    const number = await checkOut(page, { email: `guest-${Date.now().toString(36)}@example.test`, shipping: "Ground" });
    const orderId = new URL(page.url()).pathname.split("/").at(-1);

    const shopWindow = await context.newPage();
    await shopWindow.goto(`/p/${product.slug}`);
    await expect(availability(shopWindow)).toHaveText(held);

    await page.getByRole("button", { name: DECLINE_CARD }).click();
    const declined = page.getByRole("alert").filter({ hasText: "Your card was declined. Try another card." });
    await expect(declined).toBeVisible();
    await expect(declined).toContainText("No money was taken.");
    await expect(declined).toContainText("We're holding your items until");
    await expect(page.getByRole("button", { name: SUCCESS_CARD })).toBeVisible();

    // The decline cancels nothing: the unit stays held for this order.
    await shopWindow.reload();
    await expect(availability(shopWindow)).toHaveText(held);

    // A guest's order page, through the pay page's link, offers to pay again.
    await page.getByRole("link", { name: "View the order" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
    const status = page.getByRole("main").getByRole("status");
    await expect(status).toContainText("Your payment did not go through");
    await expect(status).toContainText("Your card was declined.");
    await expect(status).toContainText(/holding your items until \d{1,2}:\d{2}/);
    await page.getByRole("link", { name: "Pay now" }).click();

    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}\\?token=`));
    await expect(page.getByRole("heading", { level: 1, name: `Pay for order #${number}` })).toBeVisible();
    await page.getByRole("button", { name: SUCCESS_CARD }).click();

    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}\\?token=`));
    await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
    await expect(status).toContainText(`Thank you, order #${number} is paid`, { timeout: SAGA_TIMEOUT });
    await expect(page.getByRole("link", { name: "Pay now" })).toHaveCount(0);
    const timeline = page.getByRole("region", { name: "Status", exact: true });
    await expect(timeline).toContainText("Payment failed");
    await expect(timeline).toContainText("Payment succeeded");

    await shopWindow.reload();
    await expect(availability(shopWindow)).toHaveText(held);
  });

  test("a shopper who leaves the pay page pays later from the order page", async ({ page }) => {
    await signIn(page, SHOPPER, "/");
    await addToCart(page, first!);
    await page.goto("/cart");
    const number = await checkOut(page, { shipping: "Ground" });
    const orderId = new URL(page.url()).pathname.split("/").at(-1);

    await page.goto("/");
    await page.goto("/orders");
    await page.getByRole("link", { name: new RegExp(`^Order #${number}\\b`) }).click();

    await expect(page.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();
    const status = page.getByRole("main").getByRole("status");
    await expect(status).toContainText(`Order #${number} is waiting for your payment`);
    await expect(status).toContainText(/We're holding your items until \d{1,2}:\d{2}/);
    await page.getByRole("link", { name: "Pay now" }).click();

    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
    await page.getByRole("button", { name: SUCCESS_CARD }).click();
    await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
    await expect(status).toContainText(`Thank you, order #${number} is paid`, { timeout: SAGA_TIMEOUT });
  });
});
