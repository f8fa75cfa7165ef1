import type { ServiceContext } from "../../context";
import { ensureIndexSettings } from "./index-settings";
import type { ProductIndex } from "./product-index";
import { indexExists, reindexProducts } from "./reindex-products";

/** At start-up: builds the live index from the database when there is none, else applies the settings if they differ. */
export async function prepareSearchIndex(ctx: ServiceContext, target: ProductIndex): Promise<{ reindexed: boolean; settingsApplied: boolean }> {
  if (!(await indexExists(target, target.index.uid))) {
    await reindexProducts(ctx, target);
    return { reindexed: true, settingsApplied: true };
  }
  return { reindexed: false, settingsApplied: await ensureIndexSettings(target.index) };
}
