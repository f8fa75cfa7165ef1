import { expect, request, test } from "@playwright/test";
import { planProducts } from "../db/seed-generate";
import { ADMIN, signIn } from "./fixtures";
import { setAutoBuy } from "./support/auto-buy";
import { buyAndPay, JOBS_TIMEOUT } from "./support/buy-and-pay";

// A plentiful single-variant product no other spec buys (they take the first ones).
const product = planProducts(200).filter((p) => p.status === "active" && p.variants.length === 1 && p.variants[0]!.onHand[0] + p.variants[0]!.onHand[1] >= 20)[6]!;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("a paid order waits in the queue; the admin buys and prints its label; the carrier's tracking takes it to delivered on the shopper's page", async ({ browser, baseURL }) => {
  const admin = await browser.newPage();
  await signIn(admin, ADMIN, "/admin/fulfilment");
  await setAutoBuy(admin, false);

  try {
    const shopper = await browser.newPage();
    const { number, orderUrl } = await buyAndPay(shopper, product.slug);

    // The queue: the paid parcel waits, unbought, with its age.
    await admin.goto("/admin/fulfilment");
    const row = admin.getByRole("row", { name: new RegExp(`^Order #${number}, parcel`) });
    await expect(async () => {
      await admin.reload();
      await expect(row).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: JOBS_TIMEOUT });
    await expect(row).toContainText("Being packed");
    await expect(row).toContainText(`1 × ${product.variants[0]!.sku}`);

    await row.getByRole("button", { name: "Buy label" }).click();
    await expect(row).toContainText(/SIM\d{12}/, { timeout: 30_000 });
    const print = row.getByRole("link", { name: "Print label" });
    const labelPath = await print.getAttribute("href");
    expect(labelPath).toMatch(/^\/api\/admin\/shipments\/[0-9a-f-]{36}\/label$/);

    // Printing: the admin gets the label PDF; the shopper and a guest get nothing.
    const label = await admin.request.get(labelPath!);
    expect(label.status()).toBe(200);
    expect(label.headers()["content-type"]).toBe("application/pdf");
    expect((await label.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const slip = await admin.request.get(labelPath!.replace(/label$/, "packing-slip"));
    expect(slip.headers()["content-type"]).toBe("application/pdf");
    expect((await shopper.request.get(labelPath!)).status()).toBe(403);
    const guest = await request.newContext({ baseURL });
    expect((await guest.get(labelPath!)).status()).toBe(403);
    await guest.dispose();

    // The simulator plays the label's tracking as signed webhooks; the shopper's page follows it to delivered.
    await shopper.goto(orderUrl);
    const shipments = shopper.getByRole("region", { name: "Shipments" });
    await expect(async () => {
      await shopper.reload();
      await expect(shopper.getByRole("heading", { level: 1, name: `Order #${number}` }).locator("..")).toContainText("Delivered", { timeout: 2_000 });
    }).toPass({ timeout: JOBS_TIMEOUT });
    await expect(shipments).toContainText(/SimPost Ground, tracking number SIM\d{12}/);
    const timeline = shipments.getByRole("list", { name: "Tracking events" }).getByRole("listitem");
    for (const milestone of ["Label created", "In transit", "Out for delivery", "Delivered"]) await expect(timeline.filter({ hasText: milestone }).first()).toBeVisible();

    // Shipped and delivered, it has left the queue.
    await admin.reload();
    await expect(row).toHaveCount(0);
  } finally {
    await setAutoBuy(admin, true);
  }
});
