import type { Page } from "@playwright/test";

/**
 * Holds the page's requests matching `pattern` until the returned function is called, to see the page while it waits
 * for the server; those sent after the call pass at once. A later hold on the same pattern takes over from this one.
 */
export async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
