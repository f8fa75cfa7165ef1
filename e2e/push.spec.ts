import { expect, test } from "@playwright/test";
import { SHOPPER, signIn } from "./fixtures";

// No push service is reachable from here, so PushManager answers with a fixed subscription shaped as a browser's
// (kept in localStorage, as the browser keeps its own): what the page posts and stores is real.
const ENDPOINT = `https://push.example.test/send/e2e-${Date.now()}`;

test("the service worker registers and the account page's push toggle stores this browser's subscription", async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["notifications"]);
  await context.addInitScript((endpoint) => {
    const made = () => ({
      endpoint,
      expirationTime: null,
      toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", auth: "tBHItJI5svbpez7KI4CCXg" } }),
      unsubscribe: async () => {
        localStorage.removeItem("e2e-push");
        return true;
      },
    });
    PushManager.prototype.subscribe = async function () {
      localStorage.setItem("e2e-push", "1");
      return made() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (localStorage.getItem("e2e-push") ? made() : null) as unknown as PushSubscription | null;
    };
  }, ENDPOINT);
  const page = await context.newPage();
  await signIn(page, SHOPPER, "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  const worker = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? null));
  expect(worker).toMatch(/\/sw\.js$/);

  const toggle = page.getByRole("switch", { name: /Push notifications on this browser/ });
  await expect(toggle).toBeEnabled();
  await expect(page.getByTestId("push-state")).toHaveText("off");
  await toggle.click();
  await expect(page.getByTestId("push-state")).toHaveText("on");
  await page.reload();
  await expect(page.getByTestId("push-state")).toHaveText("on");

  await page.getByRole("switch", { name: /Push notifications on this browser/ }).click();
  await expect(page.getByTestId("push-state")).toHaveText("off");
  await page.reload();
  await expect(page.getByRole("switch", { name: /Push notifications on this browser/ })).toBeEnabled();
  await expect(page.getByTestId("push-state")).toHaveText("off");
  await context.close();
});
