import { z } from "zod";
import { INT4_MAX, MAX_CHARGE_AMOUNT } from "../limits";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const cents = (what: string) =>
  z
    .int({ error: `${what} must be a whole number of cents ≥ 0` })
    .min(0, { error: `${what} must be a whole number of cents ≥ 0` })
    .max(MAX_CHARGE_AMOUNT, { error: `${what} must be at most ${MAX_CHARGE_AMOUNT} minor units` });
const Id = z.int().positive().max(INT4_MAX);
const required = (what: string, max: number) =>
  z.string().trim().min(1, { error: `${what} is required` }).max(max, { error: `${what} must be at most ${max} characters` });

export const ProductStatus = z.enum(["draft", "active", "archived"]);
export type ProductStatus = z.infer<typeof ProductStatus>;

export const OptionInput = z
  .object({
    name: required("Option name", 40),
    values: z.array(required("Option value", 60)).min(1, { error: "Give the option at least one value" }),
  })
  .strict();

/** `optionValues` is keyed by the lower-cased option name: option "Size" -> `{ size: "M" }`. */
export const VariantInput = z
  .object({
    id: Id.optional(),
    sku: required("SKU", 64),
    title: required("Variant title", 200),
    optionValues: z.record(z.string(), z.string()),
    priceAmount: cents("Price"),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "Currency must be a three-letter ISO code such as USD" }),
    compareAtAmount: cents("Compare-at price").nullable().optional(),
    weightGrams: z
      .int({ error: "Weight must be a whole number of grams ≥ 0" })
      .min(0, { error: "Weight must be a whole number of grams ≥ 0" })
      .max(INT4_MAX, { error: `Weight must be at most ${INT4_MAX} grams` }),
    /** Units counted in per warehouse when the variant is created (a variant that exists keeps its stock). */
    initialStock: z
      .array(
        z
          .object({
            warehouseId: Id,
            onHand: z
              .int({ error: "Enter a whole number of units" })
              .min(0, { error: "Units cannot be negative" })
              .max(INT4_MAX, { error: `At most ${INT4_MAX} units` }),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict();

export const ImageInput = z
  .object({
    url: z.string().regex(/^(https?:\/\/|\/)\S+$/, { error: "Image URL must start with https://, http:// or /" }),
    alt: z.string().max(300, { error: "Alt text must be at most 300 characters" }),
  })
  .strict();

const productFields = {
  slug: z
    .string()
    .min(1, { error: "Slug is required" })
    .max(120, { error: "Slug must be at most 120 characters" })
    .regex(SLUG, { error: "Slug may contain lower-case letters, digits and dashes" }),
  title: required("Title", 200),
  description: z.string().max(20_000, { error: "Description must be at most 20000 characters" }),
  brand: required("Brand", 100),
  categoryId: z.int({ error: "Choose a category" }).positive({ error: "Choose a category" }).max(INT4_MAX, { error: "Choose a category" }),
  status: ProductStatus,
  requiresShipping: z.boolean().default(true),
  attributes: z.record(z.string().min(1), z.string()),
  options: z.array(OptionInput).max(5, { error: "At most 5 options" }),
  variants: z.array(VariantInput).min(1, { error: "Add at least one variant" }).max(250, { error: "At most 250 variants" }),
  /** Image URLs to replace the product's images with; left out, the images stay as they are (the edit page manages them one by one). */
  images: z.array(ImageInput).max(50, { error: "At most 50 images" }).optional(),
};

type ProductShape = z.infer<z.ZodObject<typeof productFields>>;

function checkProduct(product: ProductShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

  const optionNames = new Set<string>();
  product.options.forEach((option, i) => {
    const key = option.name.toLowerCase();
    if (optionNames.has(key)) issue(["options", i, "name"], `Option "${option.name}" is declared twice`);
    optionNames.add(key);
  });
  const declared = new Map(product.options.map((o) => [o.name.toLowerCase(), new Set(o.values)]));

  const skus = new Map<string, number>();
  const ids = new Set<number>();
  const combinations = new Set<string>();
  const currency = product.variants[0]?.currency;
  product.variants.forEach((variant, i) => {
    const first = skus.get(variant.sku);
    if (first !== undefined) issue(["variants", i, "sku"], `SKU ${variant.sku} is already used by variant ${first + 1}`);
    else skus.set(variant.sku, i);
    if (variant.id !== undefined && ids.has(variant.id)) issue(["variants", i, "id"], "This variant appears twice");
    if (variant.id !== undefined) ids.add(variant.id);
    if (variant.currency !== currency) issue(["variants", i, "currency"], `All variants must use the same currency (${currency})`);
    const stocked = new Set<number>();
    variant.initialStock?.forEach((s, j) => {
      if (stocked.has(s.warehouseId)) issue(["variants", i, "initialStock", j, "warehouseId"], "This warehouse appears twice");
      stocked.add(s.warehouseId);
    });

    for (const [name, values] of declared) {
      const value = variant.optionValues[name];
      if (value === undefined) issue(["variants", i, "optionValues", name], `Choose a ${name}`);
      else if (!values.has(value)) issue(["variants", i, "optionValues", name], `${value} is not one of the ${name} values`);
    }
    for (const name of Object.keys(variant.optionValues)) {
      if (!declared.has(name)) issue(["variants", i, "optionValues", name], `"${name}" is not an option of this product`);
    }
    const combination = JSON.stringify([...declared.keys()].map((name) => variant.optionValues[name]));
    if (product.options.length > 0 && combinations.has(combination)) {
      issue(["variants", i, "optionValues"], "Another variant already has these option values");
    }
    combinations.add(combination);
  });
}

export const ProductInput = z.object(productFields).strict().superRefine(checkProduct);
export type ProductInput = z.infer<typeof ProductInput>;

export const UpdateProductInput = z
  .object({ id: Id, ...productFields })
  .strict()
  .superRefine(checkProduct);
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const ProductIdInput = z.object({ id: Id }).strict();
export type ProductIdInput = z.infer<typeof ProductIdInput>;

export const AdminProductSort = z.enum(["updated_desc", "updated_asc", "title_asc", "title_desc", "price_asc", "price_desc", "stock_asc", "stock_desc"]);
export type AdminProductSort = z.infer<typeof AdminProductSort>;

const Cursor = z.string().max(600).regex(/^[A-Za-z0-9_-]+$/, { error: "malformed cursor" });

/** Keyset paging: `after` the last row of a page for the next one, `before` its first row for the previous one. */
export const ListAdminProductsInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    status: ProductStatus.optional(),
    sort: AdminProductSort.default("updated_desc"),
    after: Cursor.optional(),
    before: Cursor.optional(),
    pageSize: z.int().min(1).max(100).default(25),
  })
  .strict()
  .refine((input) => !(input.after && input.before), { error: "Give after or before, not both", path: ["before"] });
export type ListAdminProductsInput = z.infer<typeof ListAdminProductsInput>;

/** The products a bulk action changes: at most one page's worth. */
export const SetProductsStatusInput = z
  .object({ ids: z.array(Id).min(1, { error: "Select at least one product" }).max(100, { error: "At most 100 products at once" }), status: ProductStatus })
  .strict();
export type SetProductsStatusInput = z.infer<typeof SetProductsStatusInput>;

const categoryName = required("Name", 100);

export const CreateCategoryInput = z
  .object({
    name: categoryName,
    slug: productFields.slug,
    parentId: Id.nullable(),
  })
  .strict();
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;

export const RenameCategoryInput = z.object({ id: Id, name: categoryName }).strict();
export type RenameCategoryInput = z.infer<typeof RenameCategoryInput>;

/** A new parent (null: a top-level category); the category goes last among its new siblings. */
export const MoveCategoryInput = z.object({ id: Id, parentId: Id.nullable() }).strict();
export type MoveCategoryInput = z.infer<typeof MoveCategoryInput>;

/** Every child of `parentId` (null: the top level), in their new order. */
export const ReorderCategoriesInput = z
  .object({ parentId: Id.nullable(), ids: z.array(Id).min(1).max(1000).refine((ids) => new Set(ids).size === ids.length, { error: "A category appears twice" }) })
  .strict();
export type ReorderCategoriesInput = z.infer<typeof ReorderCategoriesInput>;

export const ImageAltInput = z.object({ id: Id, alt: z.string().trim().max(300, { error: "Alt text must be at most 300 characters" }) }).strict();
export type ImageAltInput = z.infer<typeof ImageAltInput>;

/** Every image of the product, in the new order. */
export const ReorderImagesInput = z
  .object({ productId: Id, ids: z.array(Id).min(1).max(50).refine((ids) => new Set(ids).size === ids.length, { error: "An image appears twice" }) })
  .strict();
export type ReorderImagesInput = z.infer<typeof ReorderImagesInput>;

export const ImageIdInput = z.object({ id: Id }).strict();
export type ImageIdInput = z.infer<typeof ImageIdInput>;

/** imageId null: the variant shows the product's images again. */
export const VariantImageInput = z.object({ variantId: Id, imageId: Id.nullable() }).strict();
export type VariantImageInput = z.infer<typeof VariantImageInput>;
