import { expect, type Page } from "@playwright/test";

const AUTO_BUY = "Buy labels automatically when an order is paid";

/** Turns the shop's automatic label purchase on or off from /admin/fulfilment (the page must be signed in as an admin). */
export async function setAutoBuy(page: Page, on: boolean) {
  await page.goto("/admin/fulfilment");
  const box = page.getByRole("checkbox", { name: AUTO_BUY });
  if ((await box.isChecked()) !== on) {
    // Controlled by the saved setting: the box changes once the server has stored it.
    await box.click();
    await expect(box).toBeChecked({ checked: on });
  }
}
