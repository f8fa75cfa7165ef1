import { expect, request, test } from "@playwright/test";
import { planProducts } from "../db/seed-generate";
import { ADMIN, signIn } from "./fixtures";
import { buyAndPay, JOBS_TIMEOUT } from "./support/buy-and-pay";

// A plentiful single-variant product no other spec buys (fulfilment takes the 7th of these, admin-refund the 10th).
const product = planProducts(200).filter((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)[12]!;

test.describe.configure({ timeout: 180_000 });

test("a shopper asks to return a delivered item; the admin finds it in Returns, approves it, and the shopper's page offers the return label", async ({ browser, baseURL }) => {
  const shopper = await browser.newPage();
  const { number, orderUrl } = await buyAndPay(shopper, product.slug);

  // The label is bought when the order is paid and the carrier simulator's tracking delivers it: then it may go back.
  const returnForm = shopper.getByRole("form", { name: "Return items" });
  await shopper.goto(orderUrl);
  await expect(async () => {
    await shopper.reload();
    await expect(returnForm).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: JOBS_TIMEOUT * 2 });
  await returnForm.getByRole("combobox").first().selectOption("1");
  await returnForm.getByLabel("Why are you returning them?").fill("The colour is not as pictured");
  await returnForm.getByRole("button", { name: "Request return" }).click();
  const returns = shopper.getByRole("region", { name: "Returns" });
  await expect(returns.getByRole("status")).toHaveText("Return requested. We will review it shortly.");
  await expect(returns).toContainText("Requested: we will review it shortly");

  // The admin's list of returns waiting for a decision shows it, with its age, and leads to the order.
  const admin = await browser.newPage();
  await signIn(admin, ADMIN, "/admin/returns");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Returns" }).click();
  await expect(admin.getByRole("link", { name: "Requested", exact: true })).toHaveAttribute("aria-current", "page");
  const row = admin.getByRole("row", { name: `Return for order #${number}` });
  await expect(row).toContainText("The colour is not as pictured");
  await expect(row.locator("time")).toHaveText(/^\d+ (s|min)$/);
  await row.getByRole("link", { name: `#${number}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Order #${number}` })).toBeVisible();

  const panel = admin.getByRole("region", { name: "Returns" });
  await panel.getByRole("button", { name: "Approve and issue label" }).click();
  await expect(panel).toContainText(/Return label: SimPost .+, SIM\d{12}/, { timeout: 30_000 });
  await expect(panel.getByRole("link", { name: "Print label" })).toBeVisible();

  // It has left the requested list for the approved one.
  await admin.goto("/admin/returns?status=requested");
  await expect(row).toHaveCount(0);
  await admin.goto("/admin/returns?status=approved");
  await expect(row).toHaveCount(1);

  // The shopper's page offers the return label, a PDF for them alone.
  await shopper.reload();
  await expect(returns).toContainText("Approved: send the items back with the return label");
  const print = returns.getByRole("link", { name: "Print return label" });
  const labelPath = await print.getAttribute("href");
  expect(labelPath).toMatch(/^\/api\/orders\/[0-9a-f-]{36}\/returns\/[0-9a-f-]{36}\/label$/);
  const label = await shopper.request.get(labelPath!);
  expect(label.status()).toBe(200);
  expect(label.headers()["content-type"]).toBe("application/pdf");
  expect((await label.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const stranger = await request.newContext({ baseURL });
  expect((await stranger.get(labelPath!)).status()).toBe(404);
  await stranger.dispose();
});
