import { watchCatalog } from "@/server/catalog/catalog-feed";
import { appDb } from "@/server/db";
import { isShuttingDown } from "@/server/shutdown";
import { PAGE_CACHE_TOKEN_HEADER, pageCacheToken, tagsFor } from "./page-cache";

/**
 * On every app instance (instrumentation.ts): expires this instance's cached pages that a committed catalogue, price or
 * stock change touched, whichever instance made it. Returns the function that stops listening.
 */
export async function startPageCacheFeed(): Promise<() => Promise<void>> {
  // `next start` and the standalone server set PORT to the port they listen on.
  const endpoint = `http://127.0.0.1:${process.env.PORT ?? 3000}/api/page-cache`;
  return watchCatalog(appDb(), async (change) => {
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", [PAGE_CACHE_TOKEN_HEADER]: pageCacheToken() },
        body: JSON.stringify({ tags: tagsFor(change) }),
      });
      if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
    } catch (error) {
      // A change heard while the server closes finds it refusing its own request; its cached pages go with it.
      if (!isShuttingDown()) throw error;
    }
  });
}
