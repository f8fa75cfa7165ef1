import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signIn } from "./fixtures";

// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function createProduct(page: Page, title: string, slug: string, sku: string) {
  await page.goto("/admin/products/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await page.getByLabel("Brand", { exact: true }).fill("Lamplight Co");
  await page.getByLabel("Category", { exact: true }).selectOption({ label: "Home & Kitchen" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Active" });
  await page.getByLabel("Variant 1 SKU").fill(sku);
  await page.getByLabel("Variant 1 Title").fill("Standard");
  await page.getByLabel("Variant 1 Price").fill("19.00");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit product" })).toBeVisible();
}

test("an admin uploads a product image with alt text; the store serves and shows it; the list shows it and archives in bulk", async ({ page }) => {
  const token = `e2e${Date.now().toString(36)}`;
  const title = `Tin Lantern ${token}`;
  const slug = `tin-lantern-${token}`;
  await signIn(page, ADMIN, "/admin/products");
  await createProduct(page, title, slug, `TIN-${token.toUpperCase()}`);

  // A text file named like an image is refused (415) and nothing is added.
  await page.getByLabel(/Upload images/).setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("fake.png: Upload a JPEG, PNG, GIF, WebP or AVIF image");
  await page.getByLabel(/Upload images/).setInputFiles({ name: "lantern.png", mimeType: "image/png", buffer: PNG });
  const images = page.getByRole("list", { name: "Images in order" });
  await expect(images.getByRole("listitem")).toHaveCount(1);
  await images.getByLabel("Alt text of image 1").fill("A tin lantern, lit");
  await images.getByRole("button", { name: "Save alt text" }).click();
  await expect(images.getByRole("img", { name: "A tin lantern, lit" })).toBeVisible();

  const src = await images.getByRole("img").getAttribute("src");
  expect(src).toMatch(/^\/api\/images\/products\/\d+\/[0-9a-f-]{36}\.png$/);
  const served = await page.request.get(src!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(Buffer.from(await served.body())).toEqual(PNG);

  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("main").getByRole("img", { name: "A tin lantern, lit" }).first()).toBeVisible();

  // The admin list finds it with its thumbnail; archiving it in bulk changes its status.
  await page.goto(`/admin/products?q=${token}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row.getByRole("img", { name: "A tin lantern, lit" })).toBeVisible();
  await row.getByRole("checkbox", { name: `Select ${title}` }).check();
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 product set to archived" })).toBeVisible();
  await expect(row).toContainText("Archived");
});

test("an admin sorts the product list by price and pages through it by cursor", async ({ page }) => {
  await signIn(page, ADMIN, "/admin/products");
  await page.getByRole("link", { name: "Price from" }).click();
  await expect(page).toHaveURL(/sort=price_asc/);
  const prices = async () =>
    (await page.locator("tbody tr td:nth-child(5)").allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, "")));
  const ascending = (list: number[]) => list.every((price, i) => i === 0 || list[i - 1]! <= price);
  await expect.poll(async () => ascending(await prices())).toBe(true);
  const first = await prices();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(async () => (await prices())[0]).toBeGreaterThanOrEqual(first.at(-1)!);
  const second = await prices();
  expect(second[0]).toBeGreaterThanOrEqual(first.at(-1)!);
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(prices).toEqual(first);
});

test("an admin adds a category and a subcategory, is not offered the subcategory as the parent's new parent, and moves the subcategory to the top level", async ({ page }) => {
  const token = `e2e${Date.now().toString(36)}`;
  await signIn(page, ADMIN, "/admin/categories");
  const form = page.getByRole("form", { name: "Add a category" });
  await form.getByLabel("Name").fill(`Lamps ${token}`);
  await form.getByRole("button", { name: "Add category" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added Lamps ${token}.`);
  await form.getByLabel("Name").fill(`Wall lamps ${token}`);
  await form.getByLabel("Parent").selectOption({ label: `Lamps ${token}` });
  await form.getByRole("button", { name: "Add category" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added Wall lamps ${token}.`);

  const tree = page.getByRole("list", { name: "Category tree" });
  const child = tree.getByRole("listitem").filter({ has: page.getByLabel(`Name of Wall lamps ${token}`) });
  await expect(child.getByLabel(`Parent of Wall lamps ${token}`)).toHaveValue(/\d+/);
  // The parent's own subtree is not offered as its new parent.
  const parentRow = tree.getByRole("listitem").filter({ has: page.getByLabel(`Name of Lamps ${token}`) });
  await expect(parentRow.getByLabel(`Parent of Lamps ${token}`).getByRole("option", { name: `Wall lamps ${token}` })).toHaveCount(0);

  await child.getByLabel(`Parent of Wall lamps ${token}`).selectOption({ label: "None (top level)" });
  const moved = page.waitForResponse((r) => r.url().includes("adminCategories.move") && r.ok());
  await child.getByRole("button", { name: "Move", exact: true }).click();
  await moved;
  await page.reload();
  await expect(tree.getByRole("listitem").filter({ has: page.getByLabel(`Name of Wall lamps ${token}`) }).getByLabel(`Parent of Wall lamps ${token}`)).toHaveValue("");
});
