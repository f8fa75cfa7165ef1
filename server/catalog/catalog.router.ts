import { SuggestInput } from "../search/schemas";
import { searchEngine } from "../search/search-engine";
import { suggestProducts } from "../search/suggest-products";
import { createTRPCRouter, publicProcedure, toServiceCtx } from "../trpc/init";
import { getProductBySlug } from "./get-product-by-slug";
import { listCategoryTree } from "./list-category-tree";
import { countSitemapFiles, listSitemapProducts } from "./list-sitemap-products";
import { ListProductsInput, ProductBySlugInput, ProductFacetsInput } from "./schemas";
import { SitemapFileInput } from "./sitemap-schemas";

export const catalogRouter = createTRPCRouter({
  listProducts: publicProcedure.input(ListProductsInput).query(({ ctx, input }) => searchEngine().listProducts(toServiceCtx(ctx), input)),
  facets: publicProcedure.input(ProductFacetsInput).query(({ ctx, input }) => searchEngine().facets(toServiceCtx(ctx), input)),
  productBySlug: publicProcedure.input(ProductBySlugInput).query(({ ctx, input }) => getProductBySlug(toServiceCtx(ctx), input)),
  categoryTree: publicProcedure.query(({ ctx }) => listCategoryTree(toServiceCtx(ctx))),
  sitemapFiles: publicProcedure.query(({ ctx }) => countSitemapFiles(toServiceCtx(ctx))),
  sitemapProducts: publicProcedure.input(SitemapFileInput).query(({ ctx, input }) => listSitemapProducts(toServiceCtx(ctx), input)),
  suggest: publicProcedure.input(SuggestInput).query(({ ctx, input }) => suggestProducts(toServiceCtx(ctx), input)),
});
